package org.skydas.terrain.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

import org.skydas.terrain.Crs;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * Writes single-band GeoTIFFs (classic little-endian TIFF, strips) that GDAL reads with the same
 * size, transform and CRS: ModelPixelScale+ModelTiepoint for north-up grids, ModelTransformation
 * otherwise; GeoKeys GTModelType, GTRasterType = PixelIsArea and the EPSG code; GDAL_NODATA.
 *
 * <p>Written with our own encoder rather than mil.nga's {@code TiffWriter}, which boxes every
 * sample: strips are filled by bulk puts into a direct buffer and written through a
 * {@link FileChannel}; Deflate strips are compressed in parallel.
 */
public final class GeoTiffWriter {

    /** Strip compression. */
    public enum Compression { NONE, DEFLATE }

    private static final int TARGET_STRIP_BYTES = 1 << 20;
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short ASCII = 2;
    private static final short DOUBLE = 12;

    private GeoTiffWriter() {
    }

    /** A DEM as Float32, with its nodata value (if any). */
    public static void writeFloat32(Path file, DemGrid grid, Compression compression) throws IOException {
        writeFloat32(file, grid, compression, null);
    }

    /** Same, with an ImageDescription (TIFF tag 270; gdalinfo shows it as TIFFTAG_IMAGEDESCRIPTION). */
    public static void writeFloat32(Path file, DemGrid grid, Compression compression, String description)
            throws IOException {
        String nodata = grid.hasNodata() ? formatNodata(grid.nodata()) : null;
        write(file, grid.width(), grid.height(), grid.transform(), grid.epsg(), SampleType.FLOAT32, nodata, compression,
                description, (row0, rows, buf) -> grid.putRows(row0, rows, buf.asFloatBuffer()));
    }

    /** Fills {@code rows} whole rows of Float32 samples starting at {@code row0}. */
    @FunctionalInterface
    public interface FloatRows {
        void put(int row0, int rows, java.nio.FloatBuffer dst);
    }

    /**
     * A Float32 raster whose rows come from {@code rows} (so a large result is written without a
     * second full-size copy), with {@code nodata} (NaN allowed) and an optional ImageDescription.
     */
    public static void writeFloat32(Path file, int width, int height, GeoTransform transform, int epsg, float nodata,
            Compression compression, String description, FloatRows rows) throws IOException {
        write(file, width, height, transform, epsg, SampleType.FLOAT32, formatNodata(nodata), compression, description,
                (row0, n, buf) -> rows.put(row0, n, buf.asFloatBuffer()));
    }

    /** A Byte raster such as a viewshed (row-major, {@code width * height} values). */
    public static void writeByte(Path file, int width, int height, GeoTransform transform, int epsg, byte[] data,
            Integer nodata, Compression compression) throws IOException {
        writeByte(file, width, height, transform, epsg, data, nodata, compression, null);
    }

    /** Same, with an ImageDescription (TIFF tag 270). */
    public static void writeByte(Path file, int width, int height, GeoTransform transform, int epsg, byte[] data,
            Integer nodata, Compression compression, String description) throws IOException {
        if ((long) width * height != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values for " + width + " x " + height);
        }
        write(file, width, height, transform, epsg, SampleType.UINT8, nodata == null ? null : nodata.toString(),
                compression, description, (row0, rows, buf) -> buf.put(data, row0 * width, rows * width));
    }

    /** Fills a little-endian buffer with {@code rows} rows starting at {@code row0}. */
    @FunctionalInterface
    interface RowSource {
        void put(int row0, int rows, ByteBuffer dst);
    }

    static String formatNodata(float v) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    static void write(Path file, int width, int height, GeoTransform gt, int epsg, SampleType type, String nodata,
            Compression compression, RowSource source) throws IOException {
        write(file, width, height, gt, epsg, type, nodata, compression, null, source);
    }

    static void write(Path file, int width, int height, GeoTransform gt, int epsg, SampleType type, String nodata,
            Compression compression, String description, RowSource source) throws IOException {
        int bps = type.bytes();
        long rowBytes = (long) width * bps;
        int rowsPerStrip = (int) Math.max(1, Math.min(height, TARGET_STRIP_BYTES / rowBytes));
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        long[] counts = new long[strips];
        byte[][] packed = null;
        if (compression == Compression.DEFLATE) {
            packed = new byte[strips][];
            byte[][] out = packed;
            IntStream.range(0, strips).parallel().forEach(s -> {
                int r0 = s * rowsPerStrip;
                int rows = Math.min(rowsPerStrip, height - r0);
                ByteBuffer raw = ByteBuffer.allocate((int) (rows * rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
                source.put(r0, rows, raw);
                out[s] = deflate(raw.array());
            });
            for (int s = 0; s < strips; s++) {
                counts[s] = packed[s].length;
            }
        } else {
            for (int s = 0; s < strips; s++) {
                counts[s] = Math.min(rowsPerStrip, height - s * rowsPerStrip) * rowBytes;
            }
        }

        Ifd ifd = new Ifd();
        ifd.add(256, LONG, width);
        ifd.add(257, LONG, height);
        ifd.add(258, SHORT, type.bits);
        ifd.add(259, SHORT, compression == Compression.DEFLATE ? 8 : 1);
        ifd.add(262, SHORT, 1);
        if (description != null) {
            ifd.addAscii(270, description);
        }
        ifd.addLongs(273, new long[strips]); // offsets patched below
        ifd.add(277, SHORT, 1);
        ifd.add(278, LONG, rowsPerStrip);
        ifd.addLongs(279, counts);
        ifd.add(284, SHORT, 1);
        ifd.add(339, SHORT, type.format);
        if (gt.isRotated()) {
            ifd.addDoubles(34264, new double[] {gt.dx(), gt.rx(), 0, gt.x0(), gt.ry(), gt.dy(), 0, gt.y0(), 0, 0, 0, 0,
                0, 0, 0, 1});
        } else {
            ifd.addDoubles(33550, new double[] {gt.dx(), -gt.dy(), 0});
            ifd.addDoubles(33922, new double[] {0, 0, 0, gt.x0(), gt.y0(), 0});
        }
        if (epsg > 0) {
            boolean geographic = Crs.isGeographic(epsg);
            ifd.addShorts(34735, new int[] {1, 1, 0, 3,
                GeoKeys.GT_MODEL_TYPE, 0, 1, geographic ? GeoKeys.MODEL_TYPE_GEOGRAPHIC : GeoKeys.MODEL_TYPE_PROJECTED,
                GeoKeys.GT_RASTER_TYPE, 0, 1, GeoKeys.RASTER_PIXEL_IS_AREA,
                geographic ? GeoKeys.GEOGRAPHIC_TYPE : GeoKeys.PROJECTED_CS_TYPE, 0, 1, epsg});
        }
        if (nodata != null) {
            ifd.addAscii(42113, nodata);
        }

        long dataStart = align(8 + ifd.size());
        long[] offsets = new long[strips];
        long at = dataStart;
        for (int s = 0; s < strips; s++) {
            offsets[s] = at;
            at = align(at + counts[s]);
        }
        if (at > 0xffffffffL) {
            throw new IOException(file + ": " + at + " bytes is too large for a classic TIFF (4 GB)");
        }
        ifd.setLongs(273, offsets);

        ByteBuffer head = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        ifd.write(head, 8);
        head.position(0).limit((int) dataStart);

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, head, 0);
            if (packed != null) {
                for (int s = 0; s < strips; s++) {
                    writeFully(ch, ByteBuffer.wrap(packed[s]), offsets[s]);
                }
            } else {
                ByteBuffer buf = ByteBuffer.allocateDirect((int) (rowsPerStrip * rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
                for (int s = 0; s < strips; s++) {
                    int r0 = s * rowsPerStrip;
                    int rows = Math.min(rowsPerStrip, height - r0);
                    buf.clear();
                    source.put(r0, rows, buf);
                    buf.position(0).limit((int) (rows * rowBytes));
                    writeFully(ch, buf, offsets[s]);
                }
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            p += ch.write(buf, p);
        }
    }

    private static long align(long v) {
        return (v + 1) & ~1L;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(6);
        try {
            d.setInput(raw);
            d.finish();
            byte[] out = new byte[Math.max(64, raw.length / 4)];
            int n = 0;
            while (!d.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }

    /** A TIFF image file directory under construction (entries must be added in tag order). */
    private static final class Ifd {
        private record Entry(int tag, short type, int count, byte[] value) {
        }

        private final List<Entry> entries = new ArrayList<>();

        void add(int tag, short type, long value) {
            if (type == SHORT) {
                addShorts(tag, new int[] {(int) value});
            } else {
                addLongs(tag, new long[] {value});
            }
        }

        void addShorts(int tag, int[] v) {
            ByteBuffer b = le(v.length * 2);
            for (int x : v) {
                b.putShort((short) x);
            }
            entries.add(new Entry(tag, SHORT, v.length, b.array()));
        }

        void addLongs(int tag, long[] v) {
            ByteBuffer b = le(v.length * 4);
            for (long x : v) {
                b.putInt((int) x);
            }
            entries.add(new Entry(tag, LONG, v.length, b.array()));
        }

        void setLongs(int tag, long[] v) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).tag == tag) {
                    ByteBuffer b = le(v.length * 4);
                    for (long x : v) {
                        b.putInt((int) x);
                    }
                    entries.set(i, new Entry(tag, LONG, v.length, b.array()));
                }
            }
        }

        void addDoubles(int tag, double[] v) {
            ByteBuffer b = le(v.length * 8);
            for (double x : v) {
                b.putDouble(x);
            }
            entries.add(new Entry(tag, DOUBLE, v.length, b.array()));
        }

        void addAscii(int tag, String s) {
            byte[] chars = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            entries.add(new Entry(tag, ASCII, chars.length, chars));
        }

        /** Bytes of the directory plus its out-of-line values. */
        long size() {
            long n = 2 + 12L * entries.size() + 4;
            for (Entry e : entries) {
                if (e.value.length > 4) {
                    n = align(n) + e.value.length;
                }
            }
            return n;
        }

        void write(ByteBuffer out, int at) {
            long extra = at + 2 + 12L * entries.size() + 4;
            out.position(at);
            out.putShort((short) entries.size());
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort((a, b) -> Integer.compare(a.tag, b.tag));
            for (Entry e : sorted) {
                out.putShort((short) e.tag).putShort(e.type).putInt(e.count);
                if (e.value.length <= 4) {
                    byte[] four = Arrays.copyOf(e.value, 4);
                    out.put(four);
                } else {
                    extra = align(extra);
                    out.putInt((int) extra);
                    int keep = out.position();
                    out.position((int) extra);
                    out.put(e.value);
                    extra += e.value.length;
                    out.position(keep);
                }
            }
            out.putInt(0);
        }

        private static ByteBuffer le(int n) {
            return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
