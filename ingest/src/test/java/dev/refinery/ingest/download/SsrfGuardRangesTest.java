package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.LITERALS_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address range the guard refuses, as IPv4 and IPv6 literals: resolving them asks no name server. */
class SsrfGuardRangesTest {
    private final SsrfGuard strict = new SsrfGuard(false, false, LITERALS_ONLY);

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
}
