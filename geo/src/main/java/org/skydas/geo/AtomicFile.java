package org.skydas.geo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every file Skydas writes goes through here: written whole to a temporary file beside the target, then renamed
 * over it. A reader (QGIS, a tile server, a scorer) never sees half a file, and a write that fails leaves the
 * previous file as it was and no temporary behind.
 */
public final class AtomicFile {

    /** Writes the content to the path it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFile() {
    }

    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A new empty file {@code prefix.PID-N.tmp} in {@code dir}. Not {@link Files#createTempFile}: its random name
     * seeds a SecureRandom, tens of milliseconds of a one-shot command's start-up, and the name needs only to be
     * unique (process id and a counter, created exclusively), not unguessable: the directory is the target's own.
     */
    private static Path createTemporary(Path dir, String prefix) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path tmp = dir.resolve(prefix + "." + pid + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // left by an earlier process with this id: take the next number
            }
        }
    }

    /** Runs {@code writer} on a temporary sibling of {@code target} and renames it over {@code target}. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, "." + abs.getFileName());
        boolean done = false;
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
