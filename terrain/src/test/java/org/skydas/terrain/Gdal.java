package org.skydas.terrain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.skydas.testkit.ExternalTool;

/** GDAL command-line tools as the reference in tests (Debian gdal-bin). */
public final class Gdal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Gdal() {
    }

    /** Runs a GDAL tool; fails the test with its stderr when it fails. */
    public static String run(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ExternalTool.require(tool).toString());
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(cmd, null, 120);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + r.stderr());
        }
        return r.stdout();
    }

    /**
     * Fails with the first differing index unless the arrays are equal (NaN equals NaN).
     * AssertJ's containsExactly is quadratic on million-element arrays.
     */
    public static void assertSameValues(double[] actual, double[] expected) {
        int i = java.util.Arrays.mismatch(actual, expected);
        if (i >= 0) {
            throw new AssertionError(i < Math.min(actual.length, expected.length)
                    ? "value " + i + " is " + actual[i] + ", expected " + expected[i]
                    : "length " + actual.length + ", expected " + expected.length);
        }
    }

    public static JsonNode info(Path file) throws IOException {
        return JSON.readTree(run("gdalinfo", "-json", file.toString()));
    }

    public static double[] geoTransform(JsonNode info) {
        JsonNode gt = info.get("geoTransform");
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = gt.get(i).asDouble();
        }
        return out;
    }

    /** All values of band 1 as doubles, decoded by GDAL itself (via a raw ENVI Float64 copy). */
    public static double[] values(Path file, Path tmp) throws IOException {
        Path raw = tmp.resolve(file.getFileName() + ".f64.bin");
        run("gdal_translate", "-q", "-of", "ENVI", "-ot", "Float64", file.toString(), raw.toString());
        byte[] bytes = Files.readAllBytes(raw);
        double[] v = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).asDoubleBuffer().get(v);
        return v;
    }
}
