package dev.refinery.ingest.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes small Parquet files for tests: a LAION-style {@code url, caption} file or any flat schema. Uncompressed files
 * need only {@code parquet-hadoop} and {@code hadoop-client-api}; other codecs go through Parquet's Hadoop codecs and
 * need {@code hadoop-client-runtime} on the test classpath.
 */
public final class ParquetTestFiles {

    /** Schema of {@link #write(Path, List)}: two optional UTF-8 string columns. */
    public static final String URL_CAPTION_SCHEMA =
            "message pairs { optional binary url (STRING); optional binary caption (STRING); }";

    /** Default row group size: large enough for one row group in small tests. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 8L * 1024 * 1024;

    private ParquetTestFiles() {}

    /**
     * Writes {@code rows} of {@code {url, caption}} (either may be {@code null}) to {@code file} as {@link
     * #URL_CAPTION_SCHEMA}, uncompressed. Replaces an existing file.
     */
    public static void write(Path file, List<String[]> rows) {
        write(file, URL_CAPTION_SCHEMA, CompressionCodecName.UNCOMPRESSED, DEFAULT_ROW_GROUP_BYTES, List.copyOf(rows));
    }

    /**
     * Writes rows whose values follow the top-level fields of {@code schema} by position. A {@code null} value is
     * left out (the field must be optional); a {@link List} fills a repeated field; {@link String}, {@link Integer},
     * {@link Long}, {@link Float}, {@link Double}, {@link Boolean} and {@link Binary} fill primitive fields. Replaces
     * an existing file.
     *
     * @param schema the schema in Parquet's text form, for example {@link #URL_CAPTION_SCHEMA}
     * @param rowGroupBytes target row group size; small values give many row groups
     */
    public static void write(
            Path file, String schema, CompressionCodecName codec, long rowGroupBytes, List<? extends Object[]> rows) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(type)
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupBytes)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Object[] row : rows) {
                writer.write(toGroup(groups.newGroup(), row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test Parquet file " + file, e);
        }
    }

    private static Group toGroup(Group group, Object[] row) {
        for (int field = 0; field < row.length; field++) {
            if (row[field] instanceof List<?> values) {
                for (Object value : values) {
                    add(group, field, value);
                }
            } else if (row[field] != null) {
                add(group, field, row[field]);
            }
        }
        return group;
    }

    private static void add(Group group, int field, Object value) {
        switch (value) {
            case String s -> group.add(field, s);
            case Integer i -> group.add(field, i);
            case Long l -> group.add(field, l);
            case Float f -> group.add(field, f);
            case Double d -> group.add(field, d);
            case Boolean b -> group.add(field, b);
            case Binary b -> group.add(field, b);
            default -> throw new IllegalArgumentException("unsupported test value " + value.getClass());
        }
    }
}
