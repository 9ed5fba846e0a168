package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageSignalTest {
    /** One detector for the class: building it loads about 450 MB of models. */
    private static final LanguageSignal DETECTOR = LanguageSignal.defaults();

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Close-up of a woman's hands typing on a laptop keyboard
        de | Schloss Neuschwanstein im Winter bei Sonnenuntergang
        fr | Une maison en pierre au bord de la mer en Bretagne
        es | Una casa blanca en la playa con palmeras
        it | Un gatto nero che dorme sul divano rosso
        pt | Vista aérea da praia de Copacabana no Rio de Janeiro
        nl | Een zwarte kat slaapt op de bank in de woonkamer
        pl | Czarny kot śpi na czerwonej kanapie w salonie
        ru | Красивый закат над морем летом
        uk | Чорний кіт спить на червоному дивані
        tr | Kırmızı kanepede uyuyan siyah bir kedi
        ar | قطة سوداء نائمة على الأريكة الحمراء
        fa | گربه سیاه روی مبل قرمز خوابیده است
        hi | लाल सोफे पर सोती हुई काली बिल्ली
        zh | 一只黑猫睡在红色的沙发上
        ja | 赤いソファの上で寝ている黒猫
        ko | 빨간 소파 위에서 자고 있는 검은 고양이
        vi | Con mèo đen đang ngủ trên ghế sofa màu đỏ
        id | Kucing hitam tidur di atas sofa merah
        th | แมวดำนอนหลับบนโซฟาสีแดง
        """)
    void shouldDetectCommonWebLanguages(String code, String caption) {
        Signal out = compute(caption);

        assertThat(out.getName()).isEqualTo("language");
        assertThat(out.getVersion()).isEqualTo("1");
        assertThat(out.getLabel()).isEqualTo(code);
        assertThat(out.getValue()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
            strings = {
                "",
                "   ",
                "IMG_0042.JPG",
                "https://example.com/images/cat-on-sofa.jpg",
                "info@example.com",
                "12345 67890",
                "cat",
                "猫",
                "&nbsp;",
                "🐈 🛋️"
            })
    void shouldReportUndeterminedWhenTooLittleLanguageIsLeft(String caption) {
        assertThat(compute(caption)).isEqualTo(new Signal("language", "1", 0.0, "und"));
    }

    @Test
    void shouldBeCertainWhenTheScriptDecides() {
        assertThat(compute("แมวดำนอนหลับบนโซฟาสีแดง").getValue()).isEqualTo(1.0);
        assertThat(compute("빨간 소파 위에서 자고 있는 검은 고양이").getValue()).isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreUrlsAndFileNamesInsideACaption() {
        Signal out = compute("Ein Hund spielt im Schnee https://example.com/hund_im_schnee.jpg IMG_0042.JPG");

        assertThat(out.getLabel()).isEqualTo("de");
    }

    @Test
    void shouldHandleHugeCaptionsByLookingAtTheirStart() {
        String caption = "Ein schwarzer Hund spielt im Schnee. ".repeat(10_000);

        assertThat(compute(caption).getLabel()).isEqualTo("de");
    }

    @Test
    void shouldDetectInLowAccuracyModeFromASmallSet() {
        LanguageSignal signal = LanguageSignal.ofIsoCodes(List.of("en", "de", "fr"), true);

        Signal out = signal.compute(input("Der schwarze Hund spielt mit den Kindern im verschneiten Garten"))
                .get(0);

        assertThat(out.getLabel()).isEqualTo("de");
        assertThat(out.getVersion()).isEqualTo("1-low");
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreads() throws Exception {
        List<String> captions = List.of(
                "A black cat sleeping on a red sofa",
                "Ein schwarzer Hund im Park",
                "Une maison au bord de la mer",
                "沙发上的黑猫");
        List<Signal> expected =
                captions.stream().map(LanguageSignalTest::compute).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Signal>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(
                        () -> captions.stream().map(LanguageSignalTest::compute).toList()));
            }
            for (Future<List<Signal>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Signal compute(String caption) {
        List<Signal> out = DETECTOR.compute(input(caption));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static SignalInput input(String caption) {
        return new SignalInput(caption, 640, 480, 50_000, ImageFormat.JPEG, null);
    }
}
