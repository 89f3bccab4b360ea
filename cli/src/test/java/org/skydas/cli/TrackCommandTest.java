package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skydas track --out F} writes the track file whole and renames it over F; bad input leaves F as it was. */
class TrackCommandTest {

    @TempDir
    Path dir;

    @Test
    void theTrackFileIsReplacedWholeAndBadInputLeavesItAsItWas() throws Exception {
        StringBuilder sb = new StringBuilder("t,sensor_id,x,y,sigma,det_id\n");
        for (int k = 0; k < 20; k++) {
            sb.append(String.format(Locale.ROOT, "%d.000,0,%.3f,500.000,5.000,%d%n", k, 100 + 10.0 * k, k));
        }
        Path detections = Files.writeString(dir.resolve("detections.csv"), sb);
        Path out = Files.writeString(dir.resolve("tracks.csv"), "previous run\n");
        Object inode = Files.getAttribute(out, "unix:ino");

        assertThat(Main.execute("track", "--detections", detections.toString(), "--out", out.toString())).isZero();
        assertThat(Files.readString(out)).startsWith("t,track_id,x,y,vx,vy\n").contains(",1,");
        assertThat(Files.getAttribute(out, "unix:ino")).as("a new file renamed over --out").isNotEqualTo(inode);
        String written = Files.readString(out);

        assertThat(Main.execute("track", "--detections", dir.resolve("missing.csv").toString(), "--out",
                out.toString())).isEqualTo(2);
        assertThat(Files.readString(out)).as("unchanged by a failed run").isEqualTo(written);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
