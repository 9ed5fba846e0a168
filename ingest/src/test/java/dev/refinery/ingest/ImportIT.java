package dev.refinery.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.ingest.importer.ImportRunner;
import dev.refinery.ingest.importer.JsonlSource;
import dev.refinery.ingest.importer.ParquetSource;
import dev.refinery.ingest.importer.ParquetTestFiles;
import dev.refinery.ingest.importer.WebDatasetSource;
import dev.refinery.ingest.pipeline.Outcome;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.SourceKind;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RefineryInfraExtension.class)
class ImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldImportAWebDatasetShardInImg2datasetLayoutOnce(Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        Path shard = dir.resolve("00000.tar");
        writeShard(shard, 12);

        ImportRunner.Summary first;
        ImportRunner.Summary again;
        try (IngestService service = IngestHttpIT.start(platform, IngestFixtures.ingestConfig(Map.of()))) {
            ImportRunner runner = new ImportRunner(service.pipeline(), 5);
            try (var source = new WebDatasetSource(shard, 1 << 20)) {
                first = runner.run(source, "it");
            }
            try (var source = new WebDatasetSource(shard, 1 << 20)) {
                again = runner.run(source, "it");
            }
        }

        assertThat(first.count(Outcome.Status.ACCEPTED)).isEqualTo(12);
        assertThat(first.rejectedByReason()).containsExactly(Map.entry("import.incomplete_sample", 1L));
        assertThat(again.count(Outcome.Status.ACCEPTED)).isZero();
        assertThat(again.count(Outcome.Status.DUPLICATE)).isEqualTo(12);
        var raw = IngestHttpIT.rawPairs(infra, platform);
        assertThat(raw).hasSize(12);
        var pair = raw.stream()
                .filter(r -> "00000/000000003".equals(r.value().getSource().getRecordKey()))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(pair.getSource().getKind()).isEqualTo(SourceKind.WEBDATASET);
        assertThat(pair.getSource().getName()).isEqualTo("00000.tar");
        assertThat(pair.getSource().getImageUrl()).isEqualTo("https://example.org/img/3.png");
        assertThat(pair.getCaption()).isEqualTo("a picture of shape number 3");
        assertThat(pair.getMetadata()).containsEntry("status", "success").containsEntry("width", "64");
        assertThat(IngestHttpIT.deadLetters(infra, platform)).hasSize(1);
    }

    @Test
    void shouldDownloadAJsonlUrlListFromLoopbackAndRefusePrivateAddresses(Infra infra, @TempDir Path dir)
            throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        Path list = dir.resolve("urls.jsonl");
        List<String> lines = new ArrayList<>();
        int downloadsBefore;
        try (ImageServer web = new ImageServer()) {
            for (int i = 0; i < 6; i++) {
                String url = web.put("/img/" + i + ".png", IngestFixtures.png(500 + i));
                lines.add(JSON.writeValueAsString(Map.of("url", url, "caption", "noise " + i, "license", "cc0")));
            }
            String gone = web.put("/img/0.png", IngestFixtures.png(500)).replace("/img/0.png", "/gone.png");
            lines.add(JSON.writeValueAsString(Map.of("url", gone, "caption", "404")));
            lines.add(JSON.writeValueAsString(Map.of("url", "http://10.20.30.40/private.png", "caption", "private")));
            lines.add(
                    JSON.writeValueAsString(Map.of("url", "http://169.254.169.254/latest/meta-data", "caption", "m")));
            lines.add("not json at all");
            Files.write(list, lines);

            ImportRunner.Summary first;
            ImportRunner.Summary again;
            try (IngestService service = IngestHttpIT.start(platform, IngestFixtures.ingestConfig(Map.of()))) {
                ImportRunner runner = new ImportRunner(service.pipeline(), 4);
                try (var source = new JsonlSource(list, "url", "caption")) {
                    first = runner.run(source, "it");
                }
                downloadsBefore = web.requests();
                try (var source = new JsonlSource(list, "url", "caption")) {
                    again = runner.run(source, "it");
                }
            }

            assertThat(first.count(Outcome.Status.ACCEPTED)).isEqualTo(6);
            assertThat(first.rejectedByReason())
                    .containsEntry("download.refused_address", 2L)
                    .containsEntry("download.http_404", 1L)
                    .containsEntry("import.invalid_row", 1L);
            assertThat(again.count(Outcome.Status.SKIPPED))
                    .as("finished rows are not downloaded again")
                    .isEqualTo(9);
            assertThat(web.requests()).isEqualTo(downloadsBefore);
        }
        assertThat(IngestHttpIT.rawPairs(infra, platform)).hasSize(6);
        assertThat(IngestHttpIT.deadLetters(infra, platform)).hasSize(4);
    }

    @Test
    void shouldImportAParquetUrlListServedFromLoopback(Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        Path file = dir.resolve("part-00000.parquet");
        ImportRunner.Summary summary;
        try (ImageServer web = new ImageServer()) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rows.add(new String[] {web.put("/p/" + i + ".png", IngestFixtures.png(700 + i)), "laion row " + i});
            }
            rows.add(new String[] {"http://192.168.1.20/router.png", "a private address"});
            rows.add(new String[] {null, "a row without url"});
            ParquetTestFiles.write(file, rows);
            try (IngestService service = IngestHttpIT.start(platform, IngestFixtures.ingestConfig(Map.of()));
                    var source = new ParquetSource(file, "url", "caption")) {
                summary = new ImportRunner(service.pipeline(), 4).run(source, "it");
            }
        }

        assertThat(summary.count(Outcome.Status.ACCEPTED)).isEqualTo(8);
        assertThat(summary.rejectedByReason())
                .containsExactlyInAnyOrderEntriesOf(Map.of("download.refused_address", 1L, "import.missing_url", 1L));
        var raw = IngestHttpIT.rawPairs(infra, platform);
        assertThat(raw).hasSize(8).allSatisfy(r -> {
            assertThat(r.value().getSource().getKind()).isEqualTo(SourceKind.PARQUET);
            assertThat(r.value().getSource().getImageUrl()).startsWith("http://127.0.0.1:");
        });
    }

    /** A shard as img2dataset writes it, plus one sample whose caption file is missing. */
    private static void writeShard(Path file, int samples) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < samples; i++) {
                String key = String.format("00000/%09d", i);
                add(tar, key + ".png", IngestFixtures.png(i));
                add(tar, key + ".txt", ("a picture of shape number " + i).getBytes(StandardCharsets.UTF_8));
                add(
                        tar,
                        key + ".json",
                        JSON.writeValueAsBytes(Map.of(
                                "url",
                                "https://example.org/img/" + i + ".png",
                                "key",
                                String.format("%09d", i),
                                "status",
                                "success",
                                "width",
                                64,
                                "height",
                                48)));
            }
            add(tar, "00000/000009999.jpg", IngestFixtures.jpeg(1));
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
