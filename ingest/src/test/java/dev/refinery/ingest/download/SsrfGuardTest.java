package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.LITERALS_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {
    private final SsrfGuard strict = new SsrfGuard(false, false, LITERALS_ONLY);
    private final SsrfGuard loopbackAllowed = new SsrfGuard(true, false, LITERALS_ONLY);
    private final SsrfGuard privateAllowed = new SsrfGuard(false, true, LITERALS_ONLY);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "2130706433, loopback", // 127.0.0.1 written as one decimal number
        "[::1], loopback",
        "[::ffff:127.0.0.1], loopback",
        "[::127.0.0.1], loopback",
        "10.1.2.3, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.0.1, private",
        "169.254.169.254, private", // cloud metadata
        "169.254.0.1, private",
        "100.64.0.1, private",
        "100.127.255.255, private",
        "[fe80::1], private",
        "[febf::1], private",
        "[fc00::1], private",
        "[fd00::1], private",
        "[fec0::1], private",
        "[::ffff:10.0.0.1], private",
        "[::ffff:169.254.169.254], private",
        "[64:ff9b::a9fe:a9fe], private", // NAT64 to 169.254.169.254
        "[2002:a9fe:a9fe::1], private", // 6to4 from 169.254.169.254
        "[64:ff9b:1::1], private",
        "0.0.0.0, reserved",
        "0, reserved",
        "0.1.2.3, reserved",
        "[::], reserved",
        "224.0.0.1, reserved",
        "239.255.255.250, reserved",
        "255.255.255.255, reserved",
        "240.0.0.1, reserved",
        "198.18.0.1, reserved",
        "192.0.2.1, reserved",
        "[ff02::1], reserved",
        "[2001:db8::1], reserved",
        "[2001:0:4136:e378:8000:63bf:3fff:fdd2], reserved", // Teredo
        "[::ffff:0.0.0.0], reserved"
    })
    void shouldRefuseEveryNonPublicRangeBeforeConnecting(String host, String expectedClass) {
        URI uri = URI.create("http://" + host + "/latest/meta-data/");

        assertThatThrownBy(() -> strict.check(uri))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", DownloadReasons.REFUSED_ADDRESS)
                .hasMessageContaining("(" + expectedClass + ")");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "11.0.0.1",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.0.1",
                "192.169.0.1",
                "223.255.255.254",
                "[2606:4700:4700::1111]",
                "[2a00:1450:4001::200e]",
                "[::ffff:8.8.8.8]",
                "[2002:808:808::1]"
            })
    void shouldPassPublicAddresses(String host) throws Exception {
        assertThat(strict.check(URI.create("https://" + host + ":8443/a.png")).addressClass())
                .isEqualTo(AddressClass.PUBLIC);
    }

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
