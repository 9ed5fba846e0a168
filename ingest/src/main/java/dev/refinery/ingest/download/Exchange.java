package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * One HTTP GET without following redirects: sends the request, then reads a 2xx body in a streaming way, refusing it as
 * soon as it exceeds the size limit, or when {@code X-Robots-Tag} forbids AI use. Other answers are returned without
 * reading their body. It does not bound its own duration: {@link UrlDownloader} runs it under a deadline and interrupts
 * it, which aborts a blocked read.
 */
final class Exchange {
    private static final String ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
    private static final int CHUNK = 16 * 1024;
    private static final int PRESIZE_LIMIT = 1024 * 1024;

    private final HttpClient http;
    private final DownloaderConfig config;
    private final String agentToken;

    Exchange(HttpClient http, DownloaderConfig config) {
        this.http = http;
        this.config = config;
        this.agentToken = RobotsTag.tokenOf(config.userAgent());
    }

    Response perform(URI uri) throws IOException, InterruptedException, RejectedInputException {
        HttpResponse<InputStream> response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (status >= 200 && status < 300) {
                return body(uri, headers, body);
            }
            Optional<String> location = headers.firstValue("location");
            if (isRedirect(status) && location.isPresent()) {
                return new Response.Redirect(status, WebUrls.resolve(uri, location.get()));
            }
            return new Response.Status(status, headers.firstValue("retry-after").orElse(null));
        }
    }

    private HttpRequest request(URI uri) throws RejectedInputException {
        try {
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            return HttpRequest.newBuilder(uri)
                    .GET()
                    // h2 only where TLS negotiates it: the cleartext h2c upgrade confuses many web servers
                    .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .timeout(config.readTimeout())
                    .header("User-Agent", config.userAgent())
                    .header("Accept", ACCEPT)
                    .header("Accept-Encoding", "identity")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new RejectedInputException(
                    DownloadReasons.INVALID_URL, "cannot request " + SsrfGuard.abbreviate(uri) + ": " + e, e);
        }
    }

    private Response body(URI uri, HttpHeaders headers, InputStream in) throws IOException, RejectedInputException {
        if (config.respectNoAi() && RobotsTag.forbidsAi(headers.allValues("x-robots-tag"), agentToken)) {
            throw new RejectedInputException(
                    DownloadReasons.ROBOTS_NOAI,
                    SsrfGuard.abbreviate(uri) + " opts out of AI use: X-Robots-Tag "
                            + headers.allValues("x-robots-tag"));
        }
        long declared = contentLength(headers);
        if (declared > config.maxBytes()) {
            throw tooLarge(uri, "announces " + declared + " bytes, more than " + config.maxBytes());
        }
        byte[] bytes = readAtMost(in, config.maxBytes(), declared, uri);
        if (bytes.length == 0) {
            throw new RejectedInputException(DownloadReasons.EMPTY, SsrfGuard.abbreviate(uri) + " answered no bytes");
        }
        return new Response.Body(bytes, headers.firstValue("content-type").orElse(null));
    }

    private static byte[] readAtMost(InputStream in, long max, long declared, URI uri)
            throws IOException, RejectedInputException {
        // trust Content-Length to size the buffer only up to a point: a liar could make every download reserve max
        var out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, CHUNK), Math.min(max, PRESIZE_LIMIT)));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > max) {
                throw tooLarge(uri, "sent more than " + max + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** The {@code Content-Length}, or -1 when absent or unreadable (the transport then frames the body itself). */
    private static long contentLength(HttpHeaders headers) {
        try {
            return headers.firstValue("content-length")
                    .map(String::strip)
                    .map(Long::parseLong)
                    .orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static RejectedInputException tooLarge(URI uri, String what) {
        return new RejectedInputException(DownloadReasons.TOO_LARGE, SsrfGuard.abbreviate(uri) + " " + what);
    }
}
