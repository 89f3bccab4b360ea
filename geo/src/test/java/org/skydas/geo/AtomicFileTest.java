package org.skydas.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void theTargetIsReplacedWholeByARename() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        Object inode = Files.getAttribute(target, "unix:ino");
        AtomicFile.write(target, tmp -> {
            assertThat(tmp.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(Files.readString(target)).as("untouched while writing").isEqualTo("old");
            Files.writeString(tmp, "new");
        });
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.getAttribute(target, "unix:ino")).as("a new file renamed over the old").isNotEqualTo(inode);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("map.png");
        Files.writeString(target, "previous");
        assertThatThrownBy(() -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
