package dev.refinery.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters built in the main sources of every module ({@code Counter.builder("a.b")} and
 * friends), named as Micrometer's Prometheus registry exports them: dots become underscores, a base unit is appended
 * unless already there, counters get {@code _total}, timers {@code _seconds} with {@code _count}, {@code _sum},
 * {@code _max} and {@code _bucket}, distribution summaries {@code _count}, {@code _sum}, {@code _max} and
 * {@code _bucket}. A builder whose name is neither a literal nor a constant of the same file fails the scan.
 */
final class MicrometerNames {
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|FunctionTimer|DistributionSummary|Gauge|TimeGauge)\\.builder\\(\\s*"
                    + "(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern BASE_UNIT =
            Pattern.compile("\\.baseUnit\\(\\s*(?:\"([^\"]+)\"|BaseUnits\\.([A-Z_]+))\\s*\\)");

    private MicrometerNames() {}

    static Set<String> scan(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> sourceRoots;
        try (Stream<Path> modules = Files.list(root)) {
            sourceRoots = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        for (Path sources : sourceRoots) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                names.addAll(scanFile(file, Files.readString(file)));
            }
        }
        return names;
    }

    private static Set<String> scanFile(Path file, String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = BUILDER.matcher(source);
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : constant(file, source, m.group(3));
            int register = source.indexOf(".register(", m.end());
            String chain = source.substring(m.end(), register < 0 ? source.length() : register);
            Matcher unit = BASE_UNIT.matcher(chain);
            String baseUnit = unit.find()
                    ? (unit.group(1) != null ? unit.group(1) : unit.group(2).toLowerCase(Locale.ROOT))
                    : null;
            names.addAll(prometheusNames(m.group(1), name, baseUnit));
        }
        return names;
    }

    private static String constant(Path file, String source, String identifier) {
        Matcher c = Pattern.compile("\\bString\\s+" + identifier + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(source);
        if (!c.find()) {
            throw new IllegalStateException(file + ": meter name " + identifier + " is not a constant of the file");
        }
        return c.group(1);
    }

    static Set<String> prometheusNames(String type, String name, String baseUnit) {
        String base = name.replace('.', '_').replace('-', '_');
        if (baseUnit != null && !type.contains("Timer") && !base.endsWith("_" + baseUnit)) {
            base = base + "_" + baseUnit;
        }
        return switch (type) {
            case "Counter", "FunctionCounter" -> Set.of(base + "_total");
            case "Timer", "FunctionTimer" -> {
                String seconds = base.endsWith("_seconds") ? base : base + "_seconds";
                yield Set.of(seconds + "_count", seconds + "_sum", seconds + "_max", seconds + "_bucket");
            }
            case "DistributionSummary" -> Set.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
            case "TimeGauge" -> Set.of(base + "_seconds");
            default -> Set.of(base);
        };
    }
}
