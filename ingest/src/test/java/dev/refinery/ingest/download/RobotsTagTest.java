package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobotsTagTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "noai",
                "noimageai",
                "NoAI",
                "  NOIMAGEAI  ",
                "noindex, noai",
                "noindex,nofollow,noimageai",
                "noindex; noai",
                "noindex noai",
                "refinery: noai",
                "Refinery: noindex, noimageai",
                "*: noai",
                "otherbot: noindex, refinery: noai",
                "unavailable_after: 25 Jun 2010 15:00:00 PST, noai",
                "max-image-preview:large, noimageai"
            })
    void shouldForbidWhenNoAiAppliesToAllAgentsOrToUs(String header) {
        assertThat(RobotsTag.forbidsAi(List.of(header), "refinery")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "noindex",
                "noindex, nofollow",
                "none",
                "otherbot: noai",
                "otherbot: noindex, noai",
                "googlebot: noimageai",
                "noaiX",
                "max-image-preview:none",
                "unavailable_after: 25 Jun 2010 15:00:00 PST"
            })
    void shouldAllowWhenNoAiIsAbsentOrAddressedToAnotherAgent(String header) {
        assertThat(RobotsTag.forbidsAi(List.of(header), "refinery")).isFalse();
    }

    @Test
    void shouldLookAtEveryHeaderLine() {
        assertThat(RobotsTag.forbidsAi(List.of("noindex", "otherbot: nofollow", "noai"), "refinery"))
                .isTrue();
        assertThat(RobotsTag.forbidsAi(List.of("otherbot: noai", "nofollow"), "refinery"))
                .isFalse();
        assertThat(RobotsTag.forbidsAi(Arrays.asList((String) null), "refinery"))
                .isFalse();
        assertThat(RobotsTag.forbidsAi(List.of(), "refinery")).isFalse();
    }

    @Test
    void shouldTakeTheFirstWordOfTheUserAgentAsOurToken() {
        assertThat(RobotsTag.tokenOf(DownloaderConfig.DEFAULT_USER_AGENT)).isEqualTo("refinery");
        assertThat(RobotsTag.tokenOf("MyCrawler (+https://x)")).isEqualTo("mycrawler");
        assertThat(RobotsTag.tokenOf("bot")).isEqualTo("bot");
    }
}
