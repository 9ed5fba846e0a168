package dev.refinery.ingest.download;

import java.time.Duration;

/** Mutable builder of {@link DownloaderConfig}, starting from the defaults; {@link #build()} validates. */
public final class DownloaderConfigBuilder {
    private int maxConcurrency = 64;
    private int maxPerHost = 8;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(20);
    private long maxBytes = 32L * 1024 * 1024;
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private int maxRedirects = 5;
    private String userAgent = DownloaderConfig.DEFAULT_USER_AGENT;
    private boolean allowPrivateAddresses;
    private boolean allowLoopback;
    private boolean respectNoAi = true;

    DownloaderConfigBuilder() {}

    DownloaderConfigBuilder(DownloaderConfig c) {
        maxConcurrency = c.maxConcurrency();
        maxPerHost = c.maxPerHost();
        connectTimeout = c.connectTimeout();
        readTimeout = c.readTimeout();
        maxBytes = c.maxBytes();
        maxRetries = c.maxRetries();
        initialBackoff = c.initialBackoff();
        maxBackoff = c.maxBackoff();
        maxRedirects = c.maxRedirects();
        userAgent = c.userAgent();
        allowPrivateAddresses = c.allowPrivateAddresses();
        allowLoopback = c.allowLoopback();
        respectNoAi = c.respectNoAi();
    }

    public DownloaderConfigBuilder maxConcurrency(int value) {
        maxConcurrency = value;
        return this;
    }

    public DownloaderConfigBuilder maxPerHost(int value) {
        maxPerHost = value;
        return this;
    }

    public DownloaderConfigBuilder connectTimeout(Duration value) {
        connectTimeout = value;
        return this;
    }

    public DownloaderConfigBuilder readTimeout(Duration value) {
        readTimeout = value;
        return this;
    }

    public DownloaderConfigBuilder maxBytes(long value) {
        maxBytes = value;
        return this;
    }

    public DownloaderConfigBuilder maxRetries(int value) {
        maxRetries = value;
        return this;
    }

    public DownloaderConfigBuilder initialBackoff(Duration value) {
        initialBackoff = value;
        return this;
    }

    public DownloaderConfigBuilder maxBackoff(Duration value) {
        maxBackoff = value;
        return this;
    }

    public DownloaderConfigBuilder maxRedirects(int value) {
        maxRedirects = value;
        return this;
    }

    public DownloaderConfigBuilder userAgent(String value) {
        userAgent = value;
        return this;
    }

    public DownloaderConfigBuilder allowPrivateAddresses(boolean value) {
        allowPrivateAddresses = value;
        return this;
    }

    public DownloaderConfigBuilder allowLoopback(boolean value) {
        allowLoopback = value;
        return this;
    }

    public DownloaderConfigBuilder respectNoAi(boolean value) {
        respectNoAi = value;
        return this;
    }

    /** The settings; throws {@link IllegalArgumentException} when one is out of range. */
    public DownloaderConfig build() {
        return new DownloaderConfig(
                maxConcurrency,
                maxPerHost,
                connectTimeout,
                readTimeout,
                maxBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRedirects,
                userAgent,
                allowPrivateAddresses,
                allowLoopback,
                respectNoAi);
    }
}
