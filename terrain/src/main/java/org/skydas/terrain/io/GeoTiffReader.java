package org.skydas.terrain.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.compression.LZWCompression;
import mil.nga.tiff.compression.PackbitsCompression;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.HeightRows;

/**
 * Reads the first band of a GeoTIFF into a {@link DemGrid}.
 *
 * <p>mil.nga {@code tiff} parses the directory (tags, GeoKeys, strip/tile tables) and decodes LZW
 * and PackBits. The pixels are not read through its {@code Rasters}: that API boxes every sample
 * and takes tens of seconds for a 77 M-cell grid. Instead blocks are converted in bulk from
 * {@link ByteBuffer} views (uncompressed data is never copied) and Deflate goes straight through
 * {@link Inflater}; blocks are decoded in parallel.
 *
 * <p>Supported: strips and tiles; compression none (1), LZW (5), Deflate (8, 32946), PackBits
 * (32773); predictor none, horizontal (2) and floating point (3); Int8/UInt8, Int16/UInt16,
 * Int32/UInt32, Float32, Float64; GDAL_NODATA; ModelTiepoint+ModelPixelScale or
 * ModelTransformation; PixelIsPoint rasters are shifted half a cell as GDAL does.
 */
public final class GeoTiffReader {

    private static final int COMPRESSION_NONE = 1;
    private static final int COMPRESSION_LZW = 5;
    private static final int COMPRESSION_DEFLATE = 8;
    private static final int COMPRESSION_DEFLATE_OLD = 32946;
    private static final int COMPRESSION_PACKBITS = 32773;

    private GeoTiffReader() {
    }

    /** Header bytes handed to mil.nga first: GDAL and our writer put the directory at the start. */
    private static final int PREFIX = 4 << 20;

    /**
     * Reads the file; every problem is a {@link DemFormatException} naming the file and the reason.
     *
     * <p>The pixels are read through a memory map, so a 300 MB raster is not copied into the heap
     * before conversion; only the first 4 MB go to mil.nga for the directory (the whole file when
     * its directory lies further in).
     */
    public static DemGrid read(Path file) throws DemFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new DemFormatException(file, "larger than 2 GB (" + size + " bytes): not supported");
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            byte[] prefix = new byte[(int) Math.min(size, PREFIX)];
            data.get(0, prefix);
            checkHeader(file, prefix);
            TIFFImage image;
            try {
                image = TiffReader.readTiff(prefix, false);
            } catch (RuntimeException e) {
                if (prefix.length == size) {
                    throw directoryError(file, e);
                }
                byte[] all = new byte[(int) size];
                data.get(0, all);
                image = parse(file, all);
            }
            return decode(file, data, image);
        } catch (IOException e) {
            if (e instanceof DemFormatException d) {
                throw d;
            }
            throw new DemFormatException(file, "cannot read file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Rows of the first band for a one-pass consumer such as the viewshed. Uncompressed stripped
     * files (what gdalwarp writes by default) are streamed from the memory map, row by row, with
     * no full-size float grid; any other layout is read whole with {@link #read(Path)}.
     */
    public static HeightRows openRows(Path file) throws DemFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new DemFormatException(file, "larger than 2 GB (" + size + " bytes): not supported");
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            byte[] prefix = new byte[(int) Math.min(size, PREFIX)];
            data.get(0, prefix);
            checkHeader(file, prefix);
            TIFFImage image;
            try {
                image = TiffReader.readTiff(prefix, false);
            } catch (RuntimeException e) {
                return read(file);
            }
            if (image.getFileDirectories().isEmpty()) {
                throw new DemFormatException(file, "TIFF has no image directory");
            }
            Decoder d = new Decoder(file, data, image.getFileDirectory());
            HeightRows rows = d.streamed();
            return rows != null ? rows : d.decode();
        } catch (IOException e) {
            if (e instanceof DemFormatException d) {
                throw d;
            }
            throw new DemFormatException(file, "cannot read file (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a TIFF already in memory; {@code file} only names it in errors. */
    public static DemGrid read(Path file, byte[] bytes) throws DemFormatException {
        checkHeader(file, bytes);
        return decode(file, ByteBuffer.wrap(bytes), parse(file, bytes));
    }

    private static TIFFImage parse(Path file, byte[] bytes) throws DemFormatException {
        try {
            return TiffReader.readTiff(bytes, false);
        } catch (RuntimeException e) {
            throw directoryError(file, e);
        }
    }

    private static DemFormatException directoryError(Path file, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.toLowerCase().contains("compression")) {
            return new DemFormatException(file, "unsupported compression (" + msg + ")", e);
        }
        return new DemFormatException(file, "truncated or corrupt TIFF directory (" + msg + ")", e);
    }

    private static DemGrid decode(Path file, ByteBuffer data, TIFFImage image) throws DemFormatException {
        if (image.getFileDirectories().isEmpty()) {
            throw new DemFormatException(file, "TIFF has no image directory");
        }
        return new Decoder(file, data, image.getFileDirectory()).decode();
    }

    private static void checkHeader(Path file, byte[] bytes) throws DemFormatException {
        if (bytes.length < 8) {
            throw new DemFormatException(file, "truncated: " + bytes.length + " bytes is too short for a TIFF header");
        }
        boolean little = bytes[0] == 'I' && bytes[1] == 'I';
        boolean big = bytes[0] == 'M' && bytes[1] == 'M';
        if (!little && !big) {
            throw new DemFormatException(file, "not a TIFF file (bad byte-order mark)");
        }
        int magic = little ? (bytes[2] & 0xff) | (bytes[3] & 0xff) << 8 : (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        if (magic == 43) {
            throw new DemFormatException(file, "BigTIFF is not supported (write a classic TIFF, < 4 GB)");
        }
        if (magic != 42) {
            throw new DemFormatException(file, "not a TIFF file (magic " + magic + ")");
        }
        long ifd = ByteBuffer.wrap(bytes, 4, 4).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                .getInt() & 0xffffffffL;
        if (ifd + 2 > bytes.length) {
            throw new DemFormatException(file, "truncated: first directory at byte " + ifd + " is beyond the end ("
                    + bytes.length + " bytes)");
        }
    }

    /** Rows converted on demand from the mapped strips of an uncompressed file. */
    private record StreamedRows(Decoder d, long[] stripOffsets, int rowsPerStrip) implements HeightRows {
        @Override
        public int width() {
            return d.width;
        }

        @Override
        public int height() {
            return d.height;
        }

        @Override
        public GeoTransform transform() {
            return d.transform;
        }

        @Override
        public int epsg() {
            return d.epsg;
        }

        @Override
        public float nodata() {
            return d.nodataValue;
        }

        @Override
        public void readRow(int row, float[] dst) {
            java.util.Objects.checkIndex(row, d.height);
            long offset = stripOffsets[row / rowsPerStrip] + (long) (row % rowsPerStrip) * d.width * d.type.bytes();
            d.convertRow(offset, dst);
        }
    }

    /** One decoding job: the directory plus the file bytes. */
    private static final class Decoder {
        private final Path file;
        private final ByteBuffer bytes;
        private final long length;
        private final FileDirectory dir;
        private final ByteOrder order;
        private int width;
        private int height;
        private SampleType type;
        private int compression;
        private int predictor;

        Decoder(Path file, ByteBuffer bytes, FileDirectory dir) {
            this.file = file;
            this.bytes = bytes;
            this.length = bytes.capacity();
            this.dir = dir;
            this.order = bytes.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }

        private GeoTransform transform;
        private int epsg;
        private float nodataValue;

        DemGrid decode() throws DemFormatException {
            prepare();
            float[] heights = new float[width * height];
            readPixels(heights);
            return DemGrid.wrap(width, height, heights, transform, epsg, nodataValue);
        }

        /** Row streaming for uncompressed strips; null for any other layout. */
        HeightRows streamed() throws DemFormatException {
            prepare();
            if (dir.isTiled() || compression != COMPRESSION_NONE || predictor != 1) {
                return null;
            }
            Number rps = dir.getRowsPerStrip();
            int rowsPerStrip = (int) Math.min(height, Math.max(1, rps == null ? height : rps.longValue()));
            int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
            List<? extends Number> offsets = dir.getStripOffsets();
            if (offsets == null || offsets.size() < strips) {
                return null;
            }
            long[] off = new long[strips];
            int bps = type.bytes();
            for (int s = 0; s < strips; s++) {
                off[s] = offsets.get(s).longValue();
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                if (off[s] < 0 || off[s] + (long) rows * width * bps > length) {
                    throw new DemFormatException(file, "truncated: strip " + s + " ends at byte "
                            + (off[s] + (long) rows * width * bps) + " but the file has " + length + " bytes");
                }
            }
            return new StreamedRows(this, off, rowsPerStrip);
        }

        void convertRow(long offset, float[] dst) {
            convert(bytes.slice((int) offset, width * type.bytes()).order(order), dst, 0, width);
        }

        private void prepare() throws DemFormatException {
            if (transform != null) {
                return;
            }
            width = intOf(dir.getImageWidth(), "ImageWidth");
            height = intOf(dir.getImageHeight(), "ImageLength");
            if (width <= 0 || height <= 0) {
                throw new DemFormatException(file, "empty image " + width + " x " + height);
            }
            if ((long) width * height > Integer.MAX_VALUE - 8) {
                throw new DemFormatException(file, "too large: " + width + " x " + height + " cells (max 2^31)");
            }
            int spp = dir.getSamplesPerPixel();
            if (spp != 1) {
                throw new DemFormatException(file, "unsupported: " + spp + " samples per pixel (only single-band rasters)");
            }
            List<Integer> bitsList = dir.getBitsPerSample();
            int bits = bitsList == null || bitsList.isEmpty() ? 1 : bitsList.get(0);
            List<Integer> formatList = dir.getSampleFormat();
            int format = formatList == null || formatList.isEmpty() ? 1 : formatList.get(0);
            type = SampleType.of(bits, format);
            if (type == null) {
                throw new DemFormatException(file, "unsupported sample type: " + bits + "-bit "
                        + switch (format) {
                            case 1 -> "unsigned integer";
                            case 2 -> "signed integer";
                            case 3 -> "floating point";
                            default -> "format " + format;
                        });
            }
            Integer c = dir.getCompression();
            compression = c == null ? COMPRESSION_NONE : c;
            if (compression != COMPRESSION_NONE && compression != COMPRESSION_LZW && compression != COMPRESSION_DEFLATE
                    && compression != COMPRESSION_DEFLATE_OLD && compression != COMPRESSION_PACKBITS) {
                throw new DemFormatException(file, "unsupported compression " + compression
                        + " (supported: none, LZW, Deflate, PackBits)");
            }
            Number p = numberOf(FieldTagType.Predictor);
            predictor = p == null ? 1 : p.intValue();
            if (predictor != 1 && predictor != 2 && predictor != 3) {
                throw new DemFormatException(file, "unsupported predictor " + predictor);
            }
            if (predictor == 3 && format != 3) {
                throw new DemFormatException(file, "floating-point predictor on integer samples");
            }
            GeoTransform transform = georeferencing();
            GeoKeys.Parsed keys = GeoKeys.parse(listOf(FieldTagType.GeoKeyDirectory));
            if (keys.pixelIsPoint()) {
                // GDAL's default: a PixelIsPoint tiepoint names a cell centre; move to the corner.
                transform = new GeoTransform(transform.x(-0.5, -0.5), transform.dx(), transform.rx(),
                        transform.y(-0.5, -0.5), transform.ry(), transform.dy());
            }
            this.nodataValue = nodata();
            this.epsg = keys.epsg();
            this.transform = transform;
        }

        private GeoTransform georeferencing() throws DemFormatException {
            List<? extends Number> matrix = listOf(FieldTagType.ModelTransformation);
            List<? extends Number> tie = listOf(FieldTagType.ModelTiepoint);
            List<? extends Number> scale = listOf(FieldTagType.ModelPixelScale);
            try {
                if (tie != null && scale != null && tie.size() >= 6 && scale.size() >= 2) {
                    double i = tie.get(0).doubleValue();
                    double j = tie.get(1).doubleValue();
                    double sx = scale.get(0).doubleValue();
                    double sy = scale.get(1).doubleValue();
                    return new GeoTransform(tie.get(3).doubleValue() - i * sx, sx, 0, tie.get(4).doubleValue() + j * sy, 0, -sy);
                }
                if (matrix != null && matrix.size() >= 8) {
                    return new GeoTransform(matrix.get(3).doubleValue(), matrix.get(0).doubleValue(),
                            matrix.get(1).doubleValue(), matrix.get(7).doubleValue(), matrix.get(4).doubleValue(),
                            matrix.get(5).doubleValue());
                }
            } catch (IllegalArgumentException e) {
                throw new DemFormatException(file, "invalid georeferencing: " + e.getMessage());
            }
            throw new DemFormatException(file,
                    "missing georeferencing (no ModelTiepoint+ModelPixelScale and no ModelTransformation tag)");
        }

        private float nodata() throws DemFormatException {
            FileDirectoryEntry e = dir.get(FieldTagType.GDAL_NODATA);
            if (e == null) {
                return Float.NaN;
            }
            Object v = e.getValues();
            String s = v instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.get(0))) : String.valueOf(v);
            s = s.replace("\0", "").trim();
            if (s.isEmpty()) {
                return Float.NaN;
            }
            try {
                return (float) Double.parseDouble(s.equalsIgnoreCase("nan") ? "NaN" : s);
            } catch (NumberFormatException ex) {
                throw new DemFormatException(file, "unreadable GDAL_NODATA value '" + s + "'");
            }
        }

        private void readPixels(float[] heights) throws DemFormatException {
            boolean tiled = dir.isTiled();
            int blockW;
            int blockH;
            List<? extends Number> offsets;
            List<? extends Number> counts;
            if (tiled) {
                blockW = intOf(dir.getTileWidth(), "TileWidth");
                blockH = intOf(dir.getTileHeight(), "TileLength");
                offsets = dir.getTileOffsets();
                counts = dir.getTileByteCounts();
            } else {
                blockW = width;
                Number rps = dir.getRowsPerStrip();
                long r = rps == null ? height : rps.longValue();
                blockH = (int) Math.min(height, Math.max(1, r));
                offsets = dir.getStripOffsets();
                counts = dir.getStripByteCounts();
            }
            if (blockW <= 0 || blockH <= 0) {
                throw new DemFormatException(file, "invalid block size " + blockW + " x " + blockH);
            }
            int across = (width + blockW - 1) / blockW;
            int down = (height + blockH - 1) / blockH;
            int blocks = across * down;
            if (offsets == null || offsets.size() < blocks) {
                throw new DemFormatException(file, "corrupt: " + (offsets == null ? 0 : offsets.size())
                        + " block offsets for " + blocks + " blocks");
            }
            long[] off = new long[blocks];
            long[] cnt = new long[blocks];
            long blockBytes = (long) blockW * blockH * type.bytes();
            for (int b = 0; b < blocks; b++) {
                off[b] = offsets.get(b).longValue();
                cnt[b] = counts != null && counts.size() > b ? counts.get(b).longValue() : blockBytes;
                if (compression == COMPRESSION_NONE) {
                    // the last strip may be short; only the rows inside the image must be there
                    int rows = Math.min(blockH, height - (b / across) * blockH);
                    cnt[b] = Math.min(cnt[b], (long) blockW * rows * type.bytes());
                }
                if (off[b] < 0 || off[b] + cnt[b] > length) {
                    throw new DemFormatException(file, "truncated: " + (tiled ? "tile " : "strip ") + b + " ends at byte "
                            + (off[b] + cnt[b]) + " but the file has " + length + " bytes");
                }
            }
            final int bw = blockW;
            final int bh = blockH;
            IntStream range = IntStream.range(0, blocks);
            if ((long) width * height > 1_000_000) {
                range = range.parallel();
            }
            try {
                range.forEach(b -> {
                    try {
                        decodeBlock(b, bw, bh, across, off[b], cnt[b], heights);
                    } catch (DemFormatException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw (DemFormatException) e.getCause();
            }
        }

        private void decodeBlock(int b, int bw, int bh, int across, long offset, long count, float[] heights)
                throws DemFormatException {
            int col0 = (b % across) * bw;
            int row0 = (b / across) * bh;
            int rows = Math.min(bh, height - row0);
            int cols = Math.min(bw, width - col0);
            int bps = type.bytes();
            int needed = (bw * (rows - 1) + cols) * bps;
            byte[] src;
            int srcOff;
            ByteOrder blockOrder = order;
            if (compression == COMPRESSION_NONE && predictor == 1) {
                if (count < needed) {
                    throw new DemFormatException(file, "truncated: block " + b + " has " + count + " bytes, needs " + needed);
                }
                // straight from the (mapped) file: no copy before the bulk conversion
                if (bw == width) {
                    convert(bytes.slice((int) offset, rows * bw * bps).order(order), heights, row0 * width + col0,
                            rows * bw);
                } else {
                    for (int r = 0; r < rows; r++) {
                        convert(bytes.slice((int) offset + r * bw * bps, cols * bps).order(order), heights,
                                (row0 + r) * width + col0, cols);
                    }
                }
                return;
            } else {
                src = inflate(b, offset, count, bw * bh * bps);
                srcOff = 0;
                if (src.length < needed) {
                    throw new DemFormatException(file, "truncated or corrupt compressed block " + b + ": "
                            + src.length + " bytes decoded, " + needed + " needed");
                }
                if (predictor == 2) {
                    undoHorizontal(src, bw, Math.min(bh, src.length / (bw * bps)), bps);
                } else if (predictor == 3) {
                    src = undoFloatingPoint(src, bw, Math.min(bh, src.length / (bw * bps)), bps);
                    blockOrder = ByteOrder.BIG_ENDIAN;
                }
            }
            if (bw == width) { // strips: the block's rows are contiguous in the grid too
                convert(ByteBuffer.wrap(src, srcOff, rows * bw * bps).order(blockOrder), heights, row0 * width + col0,
                        rows * bw);
            } else {
                for (int r = 0; r < rows; r++) {
                    convert(ByteBuffer.wrap(src, srcOff + r * bw * bps, cols * bps).order(blockOrder), heights,
                            (row0 + r) * width + col0, cols);
                }
            }
        }

        private byte[] inflate(int b, long offset, long count, int expected) throws DemFormatException {
            int off = (int) offset;
            int len = (int) count;
            switch (compression) {
                case COMPRESSION_NONE:
                    return copy(off, len);
                case COMPRESSION_DEFLATE, COMPRESSION_DEFLATE_OLD: {
                    Inflater inflater = new Inflater();
                    try {
                        inflater.setInput(bytes.slice(off, len));
                        byte[] out = new byte[expected];
                        int n = 0;
                        while (n < expected && !inflater.finished()) {
                            int k = inflater.inflate(out, n, expected - n);
                            if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                                break;
                            }
                            n += k;
                        }
                        return n == expected ? out : Arrays.copyOf(out, n);
                    } catch (DataFormatException e) {
                        throw new DemFormatException(file, "corrupt Deflate data in block " + b + " (" + e.getMessage() + ")");
                    } finally {
                        inflater.end();
                    }
                }
                case COMPRESSION_LZW:
                    try {
                        return new LZWCompression().decode(copy(off, len), order);
                    } catch (RuntimeException e) {
                        throw new DemFormatException(file, "corrupt LZW data in block " + b + " (" + e.getMessage() + ")");
                    }
                case COMPRESSION_PACKBITS:
                    try {
                        return new PackbitsCompression().decode(copy(off, len), order);
                    } catch (RuntimeException e) {
                        throw new DemFormatException(file, "corrupt PackBits data in block " + b + " (" + e.getMessage() + ")");
                    }
                default:
                    throw new DemFormatException(file, "unsupported compression " + compression);
            }
        }

        private byte[] copy(int off, int len) {
            byte[] out = new byte[len];
            bytes.get(off, out);
            return out;
        }

        /** TIFF predictor 2: each sample was stored as the difference to its left neighbour. */
        private void undoHorizontal(byte[] data, int bw, int rows, int bps) {
            ByteBuffer bb = ByteBuffer.wrap(data).order(order);
            for (int r = 0; r < rows; r++) {
                int base = r * bw * bps;
                for (int i = 1; i < bw; i++) {
                    int at = base + i * bps;
                    int prev = at - bps;
                    switch (bps) {
                        case 1 -> data[at] += data[prev];
                        case 2 -> bb.putShort(at, (short) (bb.getShort(at) + bb.getShort(prev)));
                        case 4 -> bb.putInt(at, bb.getInt(at) + bb.getInt(prev));
                        default -> bb.putLong(at, bb.getLong(at) + bb.getLong(prev));
                    }
                }
            }
        }

        /**
         * TIFF predictor 3 (Adobe floating point): per row the bytes were split into planes (most
         * significant first) and byte-differenced. Returns the samples in big-endian order.
         */
        private static byte[] undoFloatingPoint(byte[] data, int bw, int rows, int bps) {
            byte[] out = new byte[data.length];
            int rowBytes = bw * bps;
            for (int r = 0; r < rows; r++) {
                int base = r * rowBytes;
                for (int i = 1; i < rowBytes; i++) {
                    data[base + i] += data[base + i - 1];
                }
                for (int s = 0; s < bw; s++) {
                    for (int k = 0; k < bps; k++) {
                        out[base + s * bps + k] = data[base + k * bw + s];
                    }
                }
            }
            return out;
        }

        private void convert(ByteBuffer src, float[] dst, int dstOff, int n) {
            switch (type) {
                case FLOAT32 -> src.asFloatBuffer().get(dst, dstOff, n);
                case INT16 -> {
                    short[] tmp = new short[n];
                    src.asShortBuffer().get(tmp);
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = tmp[i];
                    }
                }
                case UINT16 -> {
                    short[] tmp = new short[n];
                    src.asShortBuffer().get(tmp);
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = tmp[i] & 0xffff;
                    }
                }
                case INT32 -> {
                    int[] tmp = new int[n];
                    src.asIntBuffer().get(tmp);
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = tmp[i];
                    }
                }
                case UINT32 -> {
                    int[] tmp = new int[n];
                    src.asIntBuffer().get(tmp);
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = tmp[i] & 0xffffffffL;
                    }
                }
                case FLOAT64 -> {
                    double[] tmp = new double[n];
                    src.asDoubleBuffer().get(tmp);
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = (float) tmp[i];
                    }
                }
                case UINT8 -> {
                    int p = src.position();
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = src.get(p + i) & 0xff;
                    }
                }
                case INT8 -> {
                    int p = src.position();
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = src.get(p + i);
                    }
                }
            }
        }

        private Number numberOf(FieldTagType tag) {
            FileDirectoryEntry e = dir.get(tag);
            if (e == null) {
                return null;
            }
            Object v = e.getValues();
            if (v instanceof List<?> l) {
                return l.isEmpty() ? null : (Number) l.get(0);
            }
            return (Number) v;
        }

        @SuppressWarnings("unchecked")
        private List<? extends Number> listOf(FieldTagType tag) {
            FileDirectoryEntry e = dir.get(tag);
            if (e == null) {
                return null;
            }
            Object v = e.getValues();
            if (v instanceof List<?> l) {
                return (List<? extends Number>) l;
            }
            return v instanceof Number n ? List.of(n) : null;
        }

        private int intOf(Number n, String tag) throws DemFormatException {
            if (n == null) {
                throw new DemFormatException(file, "corrupt: missing " + tag + " tag");
            }
            long v = n.longValue();
            if (v > Integer.MAX_VALUE || v < 0) {
                throw new DemFormatException(file, "corrupt: " + tag + " = " + v);
            }
            return (int) v;
        }
    }
}
