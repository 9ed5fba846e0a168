package dev.refinery.ingest.download;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The downloader's meters (Prometheus names): {@code refinery_ingest_downloads_total{outcome,host_class}} with outcome
 * {@code ok} or a {@link DownloadReasons reason code}, {@code refinery_ingest_download_seconds{outcome}} with outcome
 * {@code ok} or {@code error}, and {@code refinery_ingest_downloads_in_flight}, the HTTP exchanges under way. The
 * host class is that of the last URL checked by the {@link SsrfGuard} ({@link AddressClass#tag()}), or
 * {@code unknown} when the URL was refused before its host was resolved.
 */
public final class DownloadMetrics {
    /** Micrometer name of the downloads counter. */
    public static final String DOWNLOADS = "refinery.ingest.downloads";
    /** Micrometer name of the download duration timer. */
    public static final String DURATION = "refinery.ingest.download";
    /** Micrometer name of the in-flight gauge. */
    public static final String IN_FLIGHT = "refinery.ingest.downloads.in.flight";
    /** The {@code outcome} of a successful download. */
    public static final String OK = "ok";
    /** The {@code host_class} of a URL refused before DNS. */
    public static final String UNKNOWN_HOST_CLASS = "unknown";

    /** One in-flight count per registry, so that downloaders sharing a registry add up in one gauge. */
    private static final Map<MeterRegistry, AtomicInteger> IN_FLIGHT_BY_REGISTRY =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final MeterRegistry registry;
    private final AtomicInteger inFlight;

    DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inFlight = IN_FLIGHT_BY_REGISTRY.computeIfAbsent(registry, r -> {
            var count = new AtomicInteger();
            Gauge.builder(IN_FLIGHT, count, AtomicInteger::get)
                    .description("HTTP exchanges of the URL downloaders under way")
                    .strongReference(true)
                    .register(r);
            return count;
        });
    }

    void record(String outcome, AddressClass hostClass, Duration elapsed) {
        Counter.builder(DOWNLOADS)
                .description("URL downloads by outcome (ok or reason code) and class of the host's addresses")
                .tag("outcome", outcome)
                .tag("host_class", hostClass == null ? UNKNOWN_HOST_CLASS : hostClass.tag())
                .register(registry)
                .increment();
        Timer.builder(DURATION)
                .description("Time of a URL download, retries and redirects included")
                .tag("outcome", OK.equals(outcome) ? OK : "error")
                .register(registry)
                .record(elapsed);
    }

    void exchangeStarted() {
        inFlight.incrementAndGet();
    }

    void exchangeEnded() {
        inFlight.decrementAndGet();
    }
}
