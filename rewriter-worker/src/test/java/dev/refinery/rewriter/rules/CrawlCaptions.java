package dev.refinery.rewriter.rules;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads {@code rules/crawl-captions.tsv}: one case a line, tab-separated original, page title and expected caption,
 * with {@code \t}, {@code \n}, {@code \\} and {@code \}{@code uXXXX} escapes; a header line and {@code #} comments.
 */
final class CrawlCaptions {
    static final String RESOURCE = "/rules/crawl-captions.tsv";
    static final String UNCHANGED = "<unchanged>";
    static final String EMPTY = "<empty>";

    private CrawlCaptions() {}

    /** Arguments (original, page title, expected), one per case. */
    static Stream<Arguments> cases() {
        return rows().stream().map(row -> arguments(row.get(0), row.get(1), row.get(2)));
    }

    static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = CrawlCaptions.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw new IllegalStateException("expected 3 tab-separated fields: " + line);
                }
                if (!header) {
                    rows.add(List.of(unescape(fields[0]), unescape(fields[1]), unescape(fields[2])));
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 >= field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'u' -> {
                    out.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
