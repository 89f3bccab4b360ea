package org.skydas.bench.terrain;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.io.GeoTiffReader;
import org.skydas.terrain.io.GeoTiffWriter;
import org.skydas.terrain.io.HgtReader;

/**
 * Skydas's GeoTIFF reader and writer against mil.nga {@code tiff} 3.0 alone (docs/adr/0020-geotiff-bulk-io.md):
 * the same Float32 grid written and read back by both, wall time per operation (best and median of RUNS after one
 * warm-up) and a check that both read the same heights. The grid is the shared SRTM tile N52E008 (1201 × 1201),
 * tiled SIDE / 1201 times each way. The library is given its fastest path: rasters built on one ByteBuffer (no
 * per-sample {@code setPixelSample}), read back through {@code getSampleValues()} in bulk; its per-sample accessor
 * ({@code getFirstPixelSample}, one boxed {@code Number} a cell) is timed too, as a caller would use it.
 * {@code java -cp ... org.skydas.bench.terrain.GeoTiffLibraryMain SHARED_DIR [SIDE=4804] [RUNS=3]}
 */
public final class GeoTiffLibraryMain {

    private GeoTiffLibraryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 4804;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DemGrid tile = HgtReader.read(shared.resolve("data/geo/dem/crosscheck/N52E008.hgt"));
        float[] h = new float[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                h[r * side + c] = tile.height(c % tile.width(), r % tile.height());
            }
        }
        DemGrid grid = DemGrid.of(side, side, h, GeoTransform.northUp(500_000, 6_200_000, 30, 30), 3346, -32768f);
        Path dir = Files.createTempDirectory("skydas-geotiff-bench");
        System.out.printf("grid %d x %d Float32 (%.1f M cells), %d runs after one warm-up%n", side, side,
                side * (double) side / 1e6, runs);
        try {
            for (GeoTiffWriter.Compression compression : GeoTiffWriter.Compression.values()) {
                Path ours = dir.resolve("ours-" + compression + ".tif");
                Path lib = dir.resolve("lib-" + compression + ".tif");
                int code = compression == GeoTiffWriter.Compression.NONE ? TiffConstants.COMPRESSION_NO
                        : TiffConstants.COMPRESSION_DEFLATE;
                time("write " + compression + " skydas GeoTiffWriter", runs,
                        () -> GeoTiffWriter.writeFloat32(ours, grid, compression));
                time("write " + compression + " mil.nga TiffWriter", runs, () -> writeLibrary(lib, side, h, code));
                float[][] out = new float[3][];
                time("read  " + compression + " skydas GeoTiffReader", runs,
                        () -> out[0] = GeoTiffReader.read(ours).copyHeights());
                time("read  " + compression + " mil.nga readRasters, bulk", runs, () -> out[1] = readLibraryBulk(ours));
                time("read  " + compression + " mil.nga readRasters, per sample", 1,
                        () -> out[2] = readLibraryPerSample(ours));
                System.out.printf("  %s: %d and %d bytes; heights equal: %b%n", compression, Files.size(ours),
                        Files.size(lib), Arrays.equals(out[0], h) && Arrays.equals(out[1], h) && Arrays.equals(out[2], h));
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static void time(String what, int runs, Op op) throws Exception {
        op.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        System.out.printf("  %-48s best %9.1f ms, median %9.1f ms%n", what, ms.get(0), ms.get(ms.size() / 2));
    }

    private static void writeLibrary(Path file, int side, float[] h, int compression) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(h.length * 4).order(ByteOrder.BIG_ENDIAN);
        buf.asFloatBuffer().put(h);
        Rasters rasters = new Rasters(side, side, new FieldType[] {FieldType.FLOAT}, new ByteBuffer[] {buf});
        FileDirectory d = new FileDirectory();
        d.setImageWidth(side);
        d.setImageHeight(side);
        d.setBitsPerSample(32);
        d.setCompression(compression);
        d.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
        d.setSamplesPerPixel(1);
        d.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
        d.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
        d.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
        d.setWriteRasters(rasters);
        TIFFImage image = new TIFFImage();
        image.add(d);
        TiffWriter.writeTiff(new File(file.toString()), image);
    }

    private static float[] readLibraryBulk(Path file) throws Exception {
        Rasters r = TiffReader.readTiff(new File(file.toString())).getFileDirectory().readRasters();
        float[] out = new float[r.getWidth() * r.getHeight()];
        ByteBuffer b = r.getSampleValues()[0].duplicate().order(r.getSampleValues()[0].order());
        b.rewind();
        b.asFloatBuffer().get(out);
        return out;
    }

    private static float[] readLibraryPerSample(Path file) throws Exception {
        Rasters r = TiffReader.readTiff(new File(file.toString())).getFileDirectory().readRasters();
        int w = r.getWidth();
        float[] out = new float[w * r.getHeight()];
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getFirstPixelSample(x, y).floatValue();
            }
        }
        return out;
    }
}
