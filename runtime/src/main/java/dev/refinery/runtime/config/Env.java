package dev.refinery.runtime.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Read-only view of environment variables, so configuration records can be built from {@code System.getenv()} in
 * services and from a plain map in tests.
 */
public final class Env {
    private final Map<String, String> vars;

    private Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(vars.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue) {
        return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
                })
                .orElse(defaultValue);
    }

    /** A duration in milliseconds. */
    public Duration millis(String key, Duration defaultValue) {
        return get(key).map(v -> Duration.ofMillis(parse(key, v, Long::parseLong)))
                .orElse(defaultValue);
    }

    /**
     * Every {@code KAFKA_*} variable as a Kafka client property: {@code KAFKA_LINGER_MS=20} becomes
     * {@code linger.ms=20}. Applied last, so operators can override any client setting.
     */
    public Properties kafkaOverrides() {
        Properties props = new Properties();
        vars.forEach((k, v) -> {
            if (k.startsWith("KAFKA_") && k.length() > 6) {
                props.setProperty(k.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return props;
    }

    /** {@link #kafkaOverrides()} as the map Kafka clients and serdes take. */
    public java.util.Map<String, Object> kafkaOverrideMap() {
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        kafkaOverrides().forEach((k, v) -> map.put(k.toString(), v));
        return map;
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
        }
    }
}
