package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.refinery.ingest.validate.RejectedInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** Shared settings and assertions of the downloader tests. */
final class TestSupport {
    /** Bytes that start like a PNG. */
    static final byte[] IMAGE = pngLike(3_000);

    /** Fast settings for a loopback server: loopback allowed, private ranges still refused. */
    static final DownloaderConfig LOOPBACK = DownloaderConfig.builder()
            .allowLoopback(true)
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .connectTimeout(Duration.ofSeconds(2))
            .maxBytes(64 * 1024)
            .build();

    /**
     * Resolves IP literals only and fails the test on anything that would need DNS, so that no test ever asks a name
     * server.
     */
    static final SsrfGuard.Resolver LITERALS_ONLY = host -> {
        boolean literal =
                host.startsWith("[") || host.contains(":") || host.matches("[0-9]([0-9a-fA-FxX.]*[0-9a-fA-F])?");
        if (!literal) {
            throw new AssertionError("test tried to resolve a host name: " + host);
        }
        return InetAddress.getAllByName(host);
    };

    private TestSupport() {}

    static SsrfGuard guard(DownloaderConfig config) {
        return new SsrfGuard(config.allowLoopback(), config.allowPrivateAddresses(), LITERALS_ONLY);
    }

    static UrlDownloader downloader(DownloaderConfig config, MeterRegistry registry) {
        return new UrlDownloader(config, registry, guard(config));
    }

    /** The reason of the refusal that {@code fetch} must end with. */
    static String refusal(UrlDownloader downloader, URI uri) {
        return rejection(downloader, uri).reason();
    }

    /** The refusal that {@code fetch} must end with. */
    static RejectedInputException rejection(UrlDownloader downloader, URI uri) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> downloader.fetch(uri));
        assertThat(e).as("fetch(%s) must be refused", uri).isNotNull();
        return e;
    }

    static double count(MeterRegistry registry, String outcome, String hostClass) {
        var counter = registry.find(DownloadMetrics.DOWNLOADS)
                .tags("outcome", outcome, "host_class", hostClass)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static UnknownHostException unknownHost(String host) {
        return new UnknownHostException(host + ": Name or service not known");
    }

    private static byte[] pngLike(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        byte[] signature = "\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
