package dev.refinery.cli.ingest;

import dev.refinery.ingest.IngestService;
import dev.refinery.ingest.importer.FolderSource;
import dev.refinery.ingest.importer.ImportRunner;
import dev.refinery.ingest.importer.JsonlSource;
import dev.refinery.ingest.importer.ParquetSource;
import dev.refinery.ingest.importer.WebDatasetSource;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.pipeline.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refinery import FORMAT PATH...}: bulk imports, resumable (re-running publishes nothing twice). */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import pairs in bulk: webdataset (img2dataset tar shards), parquet or jsonl (URL + caption"
                + " lists, downloaded), folder (images with .txt sidecars). Re-running an import publishes nothing"
                + " twice and downloads nothing again.")
public final class ImportCommand implements Callable<Integer> {
    enum Format {
        webdataset,
        parquet,
        jsonl,
        folder
    }

    @Parameters(index = "0", description = "webdataset, parquet, jsonl or folder")
    Format format;

    @Parameters(index = "1..*", arity = "1..*", description = "Files (or folders for `folder`).")
    List<Path> paths;

    @Option(names = "--url-column", description = "URL column of parquet/jsonl (default: ${DEFAULT-VALUE}).")
    String urlColumn = "url";

    @Option(names = "--caption-column", description = "Caption column of parquet/jsonl (default: ${DEFAULT-VALUE}).")
    String captionColumn = "caption";

    @Option(names = "--batch-size", description = "Pairs per transaction (default: REFINERY_INGEST_BATCH_SIZE).")
    Integer batchSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<Outcome.Status, Long> total = new EnumMap<>(Outcome.Status.class);
        Map<String, Long> reasons = new TreeMap<>();
        try (IngestService service = IngestEnv.start(Map.of())) {
            int batch = batchSize != null ? batchSize : service.config().importBatchSize();
            ImportRunner runner = new ImportRunner(service.pipeline(), batch);
            long maxBytes = service.config().limits().maxImageBytes();
            for (Path path : paths) {
                ImportRunner.Summary s = run(runner, path, maxBytes);
                out.printf("%s: %s%n", path, s.byStatus());
                s.byStatus().forEach((k, v) -> total.merge(k, v, Long::sum));
                s.rejectedByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
            }
        }
        out.printf("Total: %s%n", total);
        if (!reasons.isEmpty()) {
            out.printf("Rejected (in the DLQ) by reason: %s%n", reasons);
        }
        return 0;
    }

    private ImportRunner.Summary run(ImportRunner runner, Path path, long maxBytes) throws Exception {
        String trace = "import-" + UUID.randomUUID();
        return switch (format) {
            case webdataset -> {
                try (var source = new WebDatasetSource(path, maxBytes)) {
                    yield runner.run(source, trace);
                }
            }
            case jsonl -> {
                try (var source = new JsonlSource(path, urlColumn, captionColumn)) {
                    yield runner.run(source, trace);
                }
            }
            case parquet -> {
                try (var source = new ParquetSource(path, urlColumn, captionColumn)) {
                    yield runner.run(source, trace);
                }
            }
            case folder -> {
                Iterator<Candidate> source = new FolderSource(path, maxBytes);
                yield runner.run(source, trace);
            }
        };
    }
}
