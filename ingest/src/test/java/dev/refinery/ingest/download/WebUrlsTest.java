package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebUrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/a.png | https://example.com/a.png",
                "https://example.com/a b.png | https://example.com/a%20b.png",
                "https://example.com/img?size=[big]&q={x^y} | https://example.com/img?size=%5Bbig%5D&q=%7Bx%5Ey%7D",
                "https://example.com/caf\u00e9.jpg | https://example.com/caf%C3%A9.jpg",
                "https://example.com/100%.jpg | https://example.com/100%25.jpg",
                "https://example.com/ok%20already.jpg | https://example.com/ok%20already.jpg",
                "https://example.com/a.png#frag#more | https://example.com/a.png",
                "https://b\u00fccher.de/x.png | https://xn--bcher-kva.de/x.png",
                "https://b\u00fccher.de:8443/x.png | https://xn--bcher-kva.de:8443/x.png",
                "http://[::1]:8080/x | http://[::1]:8080/x",
                "https://example.com\\\\evil.com/x | https://example.com//evil.com/x",
                "HTTPS://EXAMPLE.COM/A.PNG | HTTPS://EXAMPLE.COM/A.PNG"
            })
    void shouldParseUrlsAsBrowsersDo(String input, String expected) throws Exception {
        URI uri = WebUrls.parse(input);

        assertThat(uri.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://a.com/b/c.html | /img/x.png | http://a.com/img/x.png",
                "http://a.com/b/c.html | x.png | http://a.com/b/x.png",
                "http://a.com/b/c.html | ../x.png | http://a.com/x.png",
                "http://a.com | x.png | http://a.com/x.png",
                "http://a.com/b/c?old=1 | ?new=2 | http://a.com/b/c?new=2",
                "https://a.com/b | //cdn.b.com/x.png | https://cdn.b.com/x.png",
                "https://a.com/b | http://c.com/x.png | http://c.com/x.png",
                "http://a.com/b | /x y.png#top | http://a.com/x%20y.png",
                "http://a.com/b | \\\\c.com\\x.png | http://c.com/x.png",
                "http://a.com/b | /img\\x.png | http://a.com/img/x.png",
                "http://a.com/b | https://d\u00e9j\u00e0.fr/v.png | https://xn--dj-kia8a.fr/v.png"
            })
    void shouldResolveLocationHeadersAgainstTheCurrentUrl(String base, String location, String expected)
            throws Exception {
        assertThat(WebUrls.resolve(URI.create(base), location).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "#only-a-fragment", "example.com/no-scheme.png", "https://exa mple.com/x"})
    void shouldRefuseWhatCannotBeAnAbsoluteUrl(String input) {
        assertThatThrownBy(() -> WebUrls.parse(input))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.INVALID_URL);
    }

    @Test
    void shouldDropSurroundingWhitespaceAndEmbeddedTabsAndNewlines() throws Exception {
        assertThat(WebUrls.parse("  https://example.com/a\n/b\t.png\r\n ").toString())
                .isEqualTo("https://example.com/a/b.png");
    }

    @Test
    void shouldRefuseAbsurdlyLongUrls() {
        String url = "https://example.com/" + "a".repeat(WebUrls.MAX_LENGTH);

        assertThatThrownBy(() -> WebUrls.parse(url)).hasFieldOrPropertyWithValue("reason", DownloadReasons.INVALID_URL);
    }
}
