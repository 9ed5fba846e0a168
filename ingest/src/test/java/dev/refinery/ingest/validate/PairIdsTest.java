package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairIdsTest {

    // expected values computed independently with sha256sum, e.g. printf 'abc' | sha256sum
    private static final String ABC_ID = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @ParameterizedTest
    @CsvSource({
        "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    })
    void shouldNameAnImageByTheLowercaseHexSha256OfItsBytes(String content, String expected) {
        assertThat(PairIds.imageId(content.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "A cat on a mat, 3937bd8f1d9bcc6944c8560114878a79078625fbe513d0a4dca57b424f09b32e",
        "Caf\u00e9 \u2615 \ud83d\ude00, 9b783df2f0951eb57a9f59e8a93b740020be41330fd2ff3bc46f3a0931b81bce"
    })
    void shouldNamePairByTheSha256OfImageIdNewlineAndUtf8Caption(String caption, String expected) {
        assertThat(PairIds.pairId(ABC_ID, caption)).isEqualTo(expected);
    }

    @Test
    void shouldGiveTheSamePairIdForTheSameContentAndAnotherForAnotherCaption() {
        String id = PairIds.imageId(new byte[] {1, 2, 3});

        assertThat(PairIds.pairId(id, "a dog")).isEqualTo(PairIds.pairId(id, "a dog"));
        assertThat(PairIds.pairId(id, "a dog"))
                .isNotEqualTo(PairIds.pairId(id, "a dog "))
                .hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                "https://example.com/cat.jpg"
            })
    void shouldRefuseAnImageIdThatIsNotASha256Hex(String imageId) {
        assertThatThrownBy(() -> PairIds.pairId(imageId, "caption"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex");
    }
}
