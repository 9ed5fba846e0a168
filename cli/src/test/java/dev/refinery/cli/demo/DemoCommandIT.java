package dev.refinery.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.cli.Refinery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code refinery demo} end to end on its own embedded stack: a generated crawl goes through ingest, scorer,
 * rewriter, selector and sink, and the summary's precision against the generator's ground truth is 1.0: no
 * mismatched, foreign or corrupt pair is curated.
 */
class DemoCommandIT {

    @Test
    void shouldCurateOnlyMatchedOrFixablePairsOfTheGeneratedCrawl(@TempDir Path dir) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exit = new CommandLine(new Refinery())
                    .execute("demo", "--pairs", "800", "--dir", dir.toString(), "--min-precision", "1.0");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(exit).as(output).isZero();
        Matcher precision =
                Pattern.compile("precision: +([0-9.]+) \\((\\d+) of (\\d+)").matcher(output);
        assertThat(precision.find()).as(output).isTrue();
        assertThat(Double.parseDouble(precision.group(1))).isEqualTo(1.0);
        assertThat(Integer.parseInt(precision.group(3))).isGreaterThan(50);
        assertThat(output).contains("curated shards:", "WebDataset tar shards", "per-cluster quotas");
        assertThat(output).contains("ingest:image.truncated").contains("rewriter:rewrite.");
    }
}
