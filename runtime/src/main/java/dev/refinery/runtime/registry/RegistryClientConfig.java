package dev.refinery.runtime.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of {@link SchemaRegistryClient}. The keys are those of Confluent's serdes where one exists, so the same
 * producer/consumer properties work with either.
 *
 * @param urls base URLs of the Confluent-compatible API (for Apicurio: {@code http://host:port/apis/ccompat/v7}); tried
 *     in turn on failure
 * @param requestTimeout timeout of one HTTP request
 * @param maxAttempts attempts per call before {@link SchemaRegistryUnavailableException}
 * @param initialBackoff wait after the first failed attempt, doubled after each further one
 * @param maxBackoff ceiling of the wait between attempts
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, if the registry needs it
 * @param cacheCapacity most schemas kept per cache (ids, registrations)
 */
public record RegistryClientConfig(
        List<URI> urls,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Optional<String> basicAuthUserInfo,
        int cacheCapacity) {

    public static final String URL = "schema.registry.url";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String MAX_ATTEMPTS = "schema.registry.retry.max.attempts";
    public static final String BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String MAX_BACKOFF_MS = "schema.registry.retry.backoff.max.ms";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " must name at least one registry URL");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException(URL + " must be http(s) URLs, got " + url);
            }
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(REQUEST_TIMEOUT_MS + " must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be >= 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(BACKOFF_MS + " must be >= 0 and <= " + MAX_BACKOFF_MS);
        }
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException(CACHE_CAPACITY + " must be >= 1");
        }
    }

    /** Defaults for everything but the URLs. */
    public static RegistryClientConfig of(String urls) {
        return fromMap(Map.of(URL, urls));
    }

    /** Reads the settings from Kafka client properties (values may be strings or numbers). */
    public static RegistryClientConfig fromMap(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required config " + URL);
        }
        List<URI> urls = Arrays.stream(url.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .toList();
        return new RegistryClientConfig(
                urls,
                Duration.ofMillis(longValue(configs, REQUEST_TIMEOUT_MS, 10_000)),
                (int) longValue(configs, MAX_ATTEMPTS, 5),
                Duration.ofMillis(longValue(configs, BACKOFF_MS, 100)),
                Duration.ofMillis(longValue(configs, MAX_BACKOFF_MS, 5_000)),
                Optional.ofNullable(configs.get(BASIC_AUTH_USER_INFO))
                        .map(Object::toString)
                        .filter(s -> !s.isBlank()),
                (int) longValue(configs, CACHE_CAPACITY, 1_000));
    }

    private static long longValue(Map<String, ?> configs, String key, long defaultValue) {
        Object v = configs.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return v instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'", e);
        }
    }
}
