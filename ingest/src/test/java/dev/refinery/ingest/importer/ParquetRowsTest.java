package dev.refinery.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.importer.ParquetRows.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRowsTest {

    @TempDir
    Path dir;

    @Test
    void shouldStreamUrlAndCaptionColumnsWithNulls() throws IOException {
        Path file = dir.resolve("pairs.parquet");
        ParquetTestFiles.write(
                file,
                List.of(
                        new String[] {"https://a.example/1.jpg", "a cat"},
                        new String[] {"https://a.example/2.jpg", null},
                        new String[] {null, "no url"},
                        new String[] {"https://a.example/4.jpg", "ünïcödé ✓ 猫"}));

        List<Row> rows = readAll(file, "url", "caption", List.of());

        assertThat(rows)
                .containsExactly(
                        new Row(0, "https://a.example/1.jpg", "a cat", Map.of()),
                        new Row(1, "https://a.example/2.jpg", null, Map.of()),
                        new Row(2, null, "no url", Map.of()),
                        new Row(3, "https://a.example/4.jpg", "ünïcödé ✓ 猫", Map.of()));
    }

    @Test
    void shouldReadLaionStyleColumnsWithExtrasRenderedAsStrings() throws IOException {
        Path file = dir.resolve("laion.parquet");
        String schema = "message laion { optional int64 SAMPLE_ID; optional binary URL (STRING);"
                + " optional binary TEXT (STRING); optional int32 WIDTH; optional double similarity;"
                + " optional binary LICENSE; optional int32 price (DECIMAL(5,2)); optional boolean NSFW; }";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {
                (long) i, "https://b.example/" + i, "caption " + i, i % 2 == 0 ? 640 : null, 0.25, "cc-by", 1234, false
            });
        }
        ParquetTestFiles.write(
                file, schema, CompressionCodecName.SNAPPY, ParquetTestFiles.DEFAULT_ROW_GROUP_BYTES, rows);

        try (ParquetRows parquet =
                ParquetRows.open(file, "url", "TEXT", List.of("WIDTH", "similarity", "LICENSE", "price"))) {
            Row first = parquet.next();
            Row second = parquet.next();

            assertThat(first.url()).isEqualTo("https://b.example/0");
            assertThat(first.caption()).isEqualTo("caption 0");
            assertThat(first.extra())
                    .containsExactly(
                            Map.entry("WIDTH", "640"),
                            Map.entry("similarity", "0.25"),
                            Map.entry("LICENSE", "cc-by"),
                            Map.entry("price", "12.34"));
            assertThat(second.extra()).doesNotContainKey("WIDTH").containsEntry("LICENSE", "cc-by");
        }
    }

    @Test
    void shouldReadPlainBinaryColumnsWithoutStringAnnotation() throws IOException {
        Path file = dir.resolve("plain.parquet");
        ParquetTestFiles.write(
                file,
                "message m { required binary url; required binary caption; }",
                CompressionCodecName.UNCOMPRESSED,
                ParquetTestFiles.DEFAULT_ROW_GROUP_BYTES,
                List.<Object[]>of(new Object[] {"https://c.example/x.png", "plain bytes"}));

        assertThat(readAll(file, "url", "caption", List.of()))
                .containsExactly(new Row(0, "https://c.example/x.png", "plain bytes", Map.of()));
    }

    @Test
    void shouldStreamManyRowGroupsInOrder() throws IOException {
        Path file = dir.resolve("many.parquet");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            rows.add(new Object[] {"https://d.example/" + i, i % 7 == 0 ? null : "caption " + i});
        }
        ParquetTestFiles.write(file, ParquetTestFiles.URL_CAPTION_SCHEMA, CompressionCodecName.ZSTD, 64 * 1024, rows);

        try (ParquetRows parquet = ParquetRows.open(file, "url", "caption", List.of())) {
            assertThat(parquet.rowGroupCount()).isGreaterThan(1);
            assertThat(parquet.rowCount()).isEqualTo(25_000);
            long expected = 0;
            while (parquet.hasNext()) {
                Row row = parquet.next();
                assertThat(row.index()).isEqualTo(expected);
                assertThat(row.url()).isEqualTo("https://d.example/" + expected);
                assertThat(row.caption()).isEqualTo(expected % 7 == 0 ? null : "caption " + expected);
                expected++;
            }
            assertThat(expected).isEqualTo(25_000);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void shouldReadEveryCommonCompressionCodec(CompressionCodecName codec) throws IOException {
        Path file = dir.resolve(codec + ".parquet");
        ParquetTestFiles.write(
                file,
                ParquetTestFiles.URL_CAPTION_SCHEMA,
                codec,
                ParquetTestFiles.DEFAULT_ROW_GROUP_BYTES,
                List.<Object[]>of(
                        new Object[] {"https://e.example/1", "one"}, new Object[] {"https://e.example/2", "two"}));

        assertThat(readAll(file, "url", "caption", List.of()))
                .extracting(Row::caption)
                .containsExactly("one", "two");
    }

    @Test
    void shouldIgnoreNestedColumnsThatAreNotRequested() throws IOException {
        Path file = dir.resolve("datacomp.parquet");
        ParquetTestFiles.write(
                file,
                "message m { optional binary uid (STRING); optional binary url (STRING); optional binary text (STRING);"
                        + " repeated float face_bboxes; }",
                CompressionCodecName.SNAPPY,
                ParquetTestFiles.DEFAULT_ROW_GROUP_BYTES,
                List.<Object[]>of(new Object[] {"u1", "https://f.example/1", "a face", List.of(0.1f, 0.2f)}));

        assertThat(readAll(file, "url", "text", List.of("uid")))
                .containsExactly(new Row(0, "https://f.example/1", "a face", Map.of("uid", "u1")));
    }

    @Test
    void shouldRejectMissingColumnNamingTheColumnsFound() {
        Path file = dir.resolve("missing.parquet");
        ParquetTestFiles.write(file, List.<String[]>of(new String[] {"https://g.example/1", "x"}));

        assertThatThrownBy(() -> ParquetRows.open(file, "url", "TEXT_EN", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'TEXT_EN'")
                .hasMessageContaining("[url, caption]");
    }

    @Test
    void shouldRejectRepeatedOrNonStringColumns() {
        Path file = dir.resolve("types.parquet");
        ParquetTestFiles.write(
                file,
                "message m { optional int64 url; optional binary caption (STRING); repeated int32 tags; }",
                CompressionCodecName.SNAPPY,
                ParquetTestFiles.DEFAULT_ROW_GROUP_BYTES,
                List.<Object[]>of(new Object[] {1L, "x", List.of(1, 2)}));

        assertThatThrownBy(() -> ParquetRows.open(file, "url", "caption", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a string");
        assertThatThrownBy(() -> ParquetRows.open(file, "caption", "caption", List.of("tags")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeated");
    }

    @Test
    void shouldRejectUnsupportedCompressionCodecWhenOpening() throws IOException {
        Path file = dir.resolve("brotli.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(ParquetTestFiles.URL_CAPTION_SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new MislabellingCodecFactory(CompressionCodecName.BROTLI))
                .withCompressionCodec(CompressionCodecName.BROTLI)
                .build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("url", "https://j.example/1"));
        }

        assertThatThrownBy(() -> ParquetRows.open(file, "url", "caption", List.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("BROTLI");
    }

    @Test
    void shouldFailWithIoExceptionOnNonParquetFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not.parquet"), "url,caption\nhttps://h.example,x\n");

        assertThatThrownBy(() -> ParquetRows.open(file, "url", "caption", List.of()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldThrowNoSuchElementWhenExhausted() throws IOException {
        Path file = dir.resolve("one.parquet");
        ParquetTestFiles.write(file, List.<String[]>of(new String[] {"https://i.example/1", "x"}));

        try (ParquetRows parquet = ParquetRows.open(file, "url", "caption", List.of())) {
            assertThat(parquet.hasNext()).isTrue();
            assertThat(parquet.hasNext()).isTrue();
            parquet.next();
            assertThat(parquet.hasNext()).isFalse();
            assertThatThrownBy(parquet::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    /** Stores pages uncompressed but records {@code codec} in the footer, to fake a codec we cannot write. */
    private record MislabellingCodecFactory(CompressionCodecName codec) implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {}
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {}
    }

    private static List<Row> readAll(Path file, String url, String caption, List<String> extra) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (ParquetRows parquet = ParquetRows.open(file, url, caption, extra)) {
            parquet.forEachRemaining(rows::add);
        }
        return rows;
    }
}
