package dev.refinery.ingest.importer;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.xerial.snappy.Snappy;

/**
 * Streams the rows of a local Parquet file (LAION / DataComp style metadata) as {@link Row}s: a URL column, a caption
 * column and any number of extra top-level columns, all rendered as strings.
 *
 * <p>Only the requested columns are read (projection), one row group at a time: the heap needed is about twice the
 * compressed size of the projected columns of the largest row group, whatever the size of the file. String columns may be {@code BINARY}
 * with or without a {@code STRING} annotation; extra columns may be any non-repeated primitive and are rendered with
 * Parquet's stringifier for their logical type (numbers, decimals, timestamps). Null values stay {@code null} (URL,
 * caption) or are left out of {@link Row#extra()}.
 *
 * <p>Column names match exactly, or else case-insensitively when that is unambiguous ({@code url} finds {@code URL}).
 * Pages may be uncompressed or compressed with Snappy, GZIP, Zstandard or LZ4_RAW; no Hadoop installation, native
 * Hadoop library or {@code hadoop-client-runtime} is needed. Not thread-safe. {@link #hasNext()} and {@link #next()}
 * wrap read errors in {@link UncheckedIOException}.
 */
public final class ParquetRows implements AutoCloseable, Iterator<ParquetRows.Row> {

    /**
     * One row of the file.
     *
     * @param index zero-based position of the row in the file
     * @param url value of the URL column, {@code null} when null in the file
     * @param caption value of the caption column, {@code null} when null in the file
     * @param extra non-null values of the requested extra columns, keyed by the requested name, in request order
     */
    public record Row(long index, String url, String caption, Map<String, String> extra) {}

    private final ParquetFileReader reader;
    private final MessageColumnIO columnIo;
    private final RowMaterializer materializer;
    private final int urlSlot;
    private final int captionSlot;
    private final Map<String, Integer> extraSlots;
    private PageReadStore rowGroup;
    private RecordReader<String[]> records;
    private long remainingInGroup;
    private long nextIndex;

    private ParquetRows(ParquetFileReader reader, MessageType fileSchema, MessageType projection, Columns columns) {
        this.reader = reader;
        reader.setRequestedSchema(projection);
        this.columnIo = new ColumnIOFactory().getColumnIO(projection, fileSchema);
        this.materializer = new RowMaterializer(projection);
        this.urlSlot = projection.getFieldIndex(columns.url());
        this.captionSlot = projection.getFieldIndex(columns.caption());
        Map<String, Integer> extras = new LinkedHashMap<>();
        columns.extras().forEach((requested, actual) -> extras.put(requested, projection.getFieldIndex(actual)));
        this.extraSlots = Collections.unmodifiableMap(extras);
    }

    /**
     * Opens {@code file} for streaming.
     *
     * @param urlColumn name of the URL column (for example {@code url} or {@code URL})
     * @param captionColumn name of the caption column (for example {@code caption} or {@code TEXT})
     * @param extraColumns further top-level primitive columns to carry in {@link Row#extra()}
     * @throws IllegalArgumentException when a requested column is missing (the message lists the columns found), is
     *     nested or repeated, or when the URL or caption column is not a {@code BINARY} (string) column
     * @throws IOException when the file cannot be read, is not a Parquet file or compresses a requested column with
     *     an unsupported codec (LZO, BROTLI, Hadoop-framed LZ4)
     */
    public static ParquetRows open(Path file, String urlColumn, String captionColumn, List<String> extraColumns)
            throws IOException {
        Objects.requireNonNull(file, "file");
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new PageDecompressors())
                .build();
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new ChannelInputFile(file), options);
        } catch (RuntimeException e) {
            throw new IOException("cannot read Parquet file " + file + ": " + e.getMessage(), e);
        }
        try {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Columns columns = Columns.resolve(file, schema, urlColumn, captionColumn, List.copyOf(extraColumns));
            MessageType projection = columns.projection(schema);
            PageDecompressors.requireSupported(file, reader, projection);
            return new ParquetRows(reader, schema, projection, columns);
        } catch (IOException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** Total number of rows in the file, from its footer. */
    public long rowCount() {
        return reader.getRecordCount();
    }

    /** Number of row groups in the file, from its footer. */
    public int rowGroupCount() {
        return reader.getRowGroups().size();
    }

    @Override
    public boolean hasNext() {
        try {
            while (remainingInGroup == 0) {
                if (!advanceRowGroup()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet row group", e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String[] values = records.read();
        remainingInGroup--;
        Map<String, String> extra = new LinkedHashMap<>();
        extraSlots.forEach((name, slot) -> {
            if (values[slot] != null) {
                extra.put(name, values[slot]);
            }
        });
        return new Row(nextIndex++, values[urlSlot], values[captionSlot], Collections.unmodifiableMap(extra));
    }

    @Override
    public void close() throws IOException {
        try {
            closeRowGroup();
        } finally {
            reader.close();
        }
    }

    private boolean advanceRowGroup() throws IOException {
        closeRowGroup();
        rowGroup = reader.readNextRowGroup();
        if (rowGroup == null) {
            return false;
        }
        remainingInGroup = rowGroup.getRowCount();
        records = columnIo.getRecordReader(rowGroup, materializer);
        return true;
    }

    private void closeRowGroup() {
        if (rowGroup != null) {
            rowGroup.close();
            rowGroup = null;
            records = null;
        }
    }

    /** The file columns that answer the requested names. */
    private record Columns(String url, String caption, Map<String, String> extras) {

        static Columns resolve(Path file, MessageType schema, String url, String caption, List<String> extras) {
            Map<String, String> actualExtras = new LinkedHashMap<>();
            for (String extra : extras) {
                actualExtras.put(extra, find(file, schema, extra, false));
            }
            return new Columns(
                    find(file, schema, url, true),
                    find(file, schema, caption, true),
                    Collections.unmodifiableMap(actualExtras));
        }

        MessageType projection(MessageType schema) {
            Set<String> wanted = new LinkedHashSet<>(List.of(url, caption));
            wanted.addAll(extras.values());
            List<Type> fields = new ArrayList<>();
            for (Type field : schema.getFields()) {
                if (wanted.contains(field.getName())) {
                    fields.add(field);
                }
            }
            return new MessageType(schema.getName(), fields);
        }

        private static String find(Path file, MessageType schema, String requested, boolean mustBeString) {
            Objects.requireNonNull(requested, "column name");
            List<String> names = schema.getFields().stream().map(Type::getName).toList();
            String actual = names.contains(requested) ? requested : uniqueIgnoringCase(names, requested);
            if (actual == null) {
                throw new IllegalArgumentException(
                        "Parquet file " + file + " has no column '" + requested + "' (columns: " + names + ")");
            }
            Type type = schema.getType(actual);
            if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
                throw new IllegalArgumentException("Parquet column '" + actual + "' in " + file
                        + " is nested or repeated; only flat primitive columns are supported: " + type);
            }
            if (mustBeString && type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
                throw new IllegalArgumentException(
                        "Parquet column '" + actual + "' in " + file + " is not a string (BINARY) column: " + type);
            }
            return actual;
        }

        private static String uniqueIgnoringCase(List<String> names, String requested) {
            String lower = requested.toLowerCase(Locale.ROOT);
            List<String> matches = names.stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).equals(lower))
                    .toList();
            return matches.size() == 1 ? matches.getFirst() : null;
        }
    }

    /** Materializes each record of a flat projection as an array of strings, one slot per field. */
    private static final class RowMaterializer extends RecordMaterializer<String[]> {
        private final int width;
        private final GroupConverter root;
        private String[] current;

        RowMaterializer(MessageType projection) {
            this.width = projection.getFieldCount();
            Converter[] converters = new Converter[width];
            for (int i = 0; i < width; i++) {
                converters[i] = new StringConverter(projection.getType(i).asPrimitiveType(), this, i);
            }
            this.root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    current = new String[width];
                }

                @Override
                public void end() {}
            };
        }

        void set(int slot, String value) {
            current[slot] = value;
        }

        @Override
        public String[] getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    /**
     * Renders one primitive column as strings: {@code BINARY} without an annotation or with a string-like one as UTF-8,
     * everything else with the stringifier of its logical type. Dictionary pages are decoded once per row group.
     */
    private static final class StringConverter extends PrimitiveConverter {
        private final PrimitiveType type;
        private final boolean utf8;
        private final RowMaterializer sink;
        private final int slot;
        private String[] dictionary;

        StringConverter(PrimitiveType type, RowMaterializer sink, int slot) {
            this.type = type;
            this.utf8 = isUtf8(type);
            this.sink = sink;
            this.slot = slot;
        }

        private static boolean isUtf8(PrimitiveType type) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            return type.getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                    && (annotation == null
                            || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                            || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation);
        }

        private String render(Binary value) {
            return utf8 ? value.toStringUsingUTF8() : type.stringifier().stringify(value);
        }

        @Override
        public boolean hasDictionarySupport() {
            return type.getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
        }

        @Override
        public void setDictionary(Dictionary values) {
            dictionary = new String[values.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = render(values.decodeToBinary(id));
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            sink.set(slot, dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            sink.set(slot, render(value));
        }

        @Override
        public void addBoolean(boolean value) {
            sink.set(slot, type.stringifier().stringify(value));
        }

        @Override
        public void addDouble(double value) {
            sink.set(slot, type.stringifier().stringify(value));
        }

        @Override
        public void addFloat(float value) {
            sink.set(slot, type.stringifier().stringify(value));
        }

        @Override
        public void addInt(int value) {
            sink.set(slot, type.stringifier().stringify(value));
        }

        @Override
        public void addLong(long value) {
            sink.set(slot, type.stringifier().stringify(value));
        }
    }

    /**
     * Decompresses pages without Hadoop's codec machinery (which needs {@code hadoop-client-runtime} and logs about
     * native libraries): Snappy and Zstandard with the JNI libraries Kafka already uses, GZIP with {@code java.util.zip}
     * and LZ4_RAW with aircompressor. Read-only; other codecs (LZO, BROTLI, Hadoop-framed LZ4) fail with a clear error.
     */
    private static final class PageDecompressors implements CompressionCodecFactory {
        private static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(
                CompressionCodecName.UNCOMPRESSED,
                CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP,
                CompressionCodecName.ZSTD,
                CompressionCodecName.LZ4_RAW);

        /** Fails up front, rather than in the middle of the file, when a projected column uses another codec. */
        static void requireSupported(Path file, ParquetFileReader reader, MessageType projection) throws IOException {
            for (BlockMetaData rowGroup : reader.getRowGroups()) {
                for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                    if (projection.containsField(chunk.getPath().toArray()[0])
                            && !SUPPORTED.contains(chunk.getCodec())) {
                        throw new IOException("Parquet file " + file + " compresses column " + chunk.getPath()
                                + " with " + chunk.getCodec() + ", which ParquetRows cannot read (supported: "
                                + SUPPORTED + ")");
                    }
                }
            }
        }

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException("ParquetRows only reads");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            if (!SUPPORTED.contains(codecName)) {
                throw new UnsupportedOperationException(
                        "unsupported Parquet compression codec " + codecName + " (supported: " + SUPPORTED + ")");
            }
            return new PageDecompressor(codecName);
        }

        @Override
        public void release() {}
    }

    /** Decompresses the pages of one codec; stateless. */
    private record PageDecompressor(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(decompress(bytes.toInputStream().readAllBytes(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(
                    codec == CompressionCodecName.UNCOMPRESSED ? compressed : decompress(compressed, decompressedSize));
        }

        private byte[] decompress(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            long written;
            try {
                written = switch (codec) {
                    case SNAPPY -> Snappy.uncompress(in, 0, in.length, out, 0);
                    case ZSTD -> Zstd.decompressByteArray(out, 0, size, in, 0, in.length);
                    case LZ4_RAW -> new Lz4Decompressor().decompress(in, 0, in.length, out, 0, size);
                    case GZIP -> gunzip(in, out);
                    default -> throw new IllegalStateException("no decompressor for " + codec);
                };
            } catch (RuntimeException e) {
                throw new IOException("corrupt " + codec + " page: " + e.getMessage(), e);
            }
            if (written != size) {
                throw new IOException(
                        "corrupt " + codec + " page: expected " + size + " bytes but decompressed " + written);
            }
            return out;
        }

        private static int gunzip(byte[] in, byte[] out) throws IOException {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
                return gzip.readNBytes(out, 0, out.length);
            }
        }

        @Override
        public void release() {}
    }

    /**
     * A local file read with positional {@link FileChannel} reads. Used instead of Parquet's {@code LocalInputFile},
     * whose {@code ByteBuffer} reads mishandle buffers with a non-zero position or no backing array (parquet-java
     * GH-3542, fixed after 1.17.1).
     */
    private static final class ChannelInputFile implements InputFile {
        private final Path path;

        ChannelInputFile(Path path) {
            this.path = path;
        }

        @Override
        public long getLength() throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                return channel.size();
            }
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            return new ChannelStream(FileChannel.open(path, StandardOpenOption.READ));
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A seekable stream over a {@link FileChannel} that keeps its own position and reads with positional reads. */
    private static final class ChannelStream extends SeekableInputStream {
        private final FileChannel channel;
        private long position;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPos) {
            position = newPos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            return length == 0 ? 0 : read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
            if (!buf.hasRemaining()) {
                return 0;
            }
            int n = channel.read(buf, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(bytes, 0, bytes.length);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            Objects.checkFromIndexSize(start, len, bytes.length);
            readFully(ByteBuffer.wrap(bytes, start, len));
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                if (read(buf) < 0) {
                    throw new EOFException("reached the end of the file with " + buf.remaining() + " bytes left");
                }
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = Math.max(0, Math.min(n, channel.size() - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - position));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
