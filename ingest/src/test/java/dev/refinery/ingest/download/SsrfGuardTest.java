package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.LITERALS_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {
    private final SsrfGuard strict = new SsrfGuard(false, false, LITERALS_ONLY);
    private final SsrfGuard loopbackAllowed = new SsrfGuard(true, false, LITERALS_ONLY);
    private final SsrfGuard privateAllowed = new SsrfGuard(false, true, LITERALS_ONLY);

    @Test
    void shouldAllowLoopbackOnlyWhenAllowLoopbackIsSet() throws Exception {
        assertThat(loopbackAllowed.check(URI.create("http://127.0.0.1:8080/x")).addressClass())
                .isEqualTo(AddressClass.LOOPBACK);
        assertThat(loopbackAllowed.check(URI.create("http://[::1]/x")).addressClass())
                .isEqualTo(AddressClass.LOOPBACK);
        assertThatThrownBy(() -> loopbackAllowed.check(URI.create("http://169.254.169.254/")))
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.REFUSED_ADDRESS);
        assertThatThrownBy(() -> loopbackAllowed.check(URI.create("http://10.1.2.3/")))
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.REFUSED_ADDRESS);
    }

    @Test
    void shouldAllowPrivateAndLoopbackButNeverReservedWhenAllowPrivateAddressesIsSet() throws Exception {
        for (String host : new String[] {"10.1.2.3", "192.168.0.1", "169.254.169.254", "100.64.0.1", "[fd00::1]"}) {
            assertThat(privateAllowed.check(URI.create("http://" + host + "/")).addressClass())
                    .isEqualTo(AddressClass.PRIVATE);
        }
        assertThat(privateAllowed.check(URI.create("http://127.0.0.1/")).addressClass())
                .isEqualTo(AddressClass.LOOPBACK);
        for (String host : new String[] {"0.0.0.0", "[::]", "255.255.255.255", "224.0.0.1"}) {
            assertThatThrownBy(() -> privateAllowed.check(URI.create("http://" + host + "/")))
                    .hasFieldOrPropertyWithValue("reason", DownloadReasons.REFUSED_ADDRESS);
        }
    }

    @Test
    void shouldRefuseAHostWhenAnyOfItsAddressesIsPrivate() throws Exception {
        var guard = new SsrfGuard(false, false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")});

        assertThatThrownBy(() -> guard.check(URI.create("http://images.example.com/cat.jpg")))
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.REFUSED_ADDRESS)
                .hasMessageContaining("images.example.com")
                .hasMessageContaining("10.0.0.7");
    }

    @Test
    void shouldReportUnresolvableHostsAsDnsFailed() {
        var guard = new SsrfGuard(false, false, host -> {
            throw TestSupport.unknownHost(host);
        });

        assertThatThrownBy(() -> guard.check(URI.create("http://no-such-host.example/x.png")))
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.DNS_FAILED);
        // a hex literal that curl would read as 127.0.0.1: the JDK refuses it as ambiguous, without asking DNS
        assertThatThrownBy(() -> strict.check(URI.create("http://0x7f000001/")))
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.DNS_FAILED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://127.0.0.1/x",
                "file:///etc/passwd",
                "gopher://127.0.0.1:70/",
                "mailto:a@example.com",
                "javascript:alert(1)",
                "http:///no-host",
                "/relative/path.png",
                "http://under_score.example.com/",
                "http://1.2.3.4:0/",
                "data:image/png;base64,AAAA",
                // short and hex forms of 127.0.0.1 that curl would connect to: java.net.URI finds no host in them
                "http://127.1/",
                "http://0x7f.0.0.1/"
            })
    void shouldRefuseUrlsThatAreNotHttpWithAHost(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url)))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.INVALID_URL);
    }

    @Test
    void shouldAcceptUpperCaseSchemes() throws Exception {
        assertThat(strict.check(URI.create("HTTPS://8.8.8.8/x")).addressClass()).isEqualTo(AddressClass.PUBLIC);
    }
}
