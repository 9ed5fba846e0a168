package dev.refinery.scorer.signal;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ISO 639-1 codes to and from Lingua languages. */
final class LanguageCodes {
    private LanguageCodes() {}

    static List<Language> parseAll(List<String> codes) {
        List<Language> parsed = new ArrayList<>(codes.size());
        for (String code : codes) {
            parsed.add(parse(code));
        }
        return List.copyOf(parsed);
    }

    static Language parse(String code) {
        try {
            Language language =
                    Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
            if (language != Language.UNKNOWN) {
                return language;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("unsupported language code '" + code + "'; Lingua 1.2 knows "
                + Language.all().stream().map(LanguageCodes::code).sorted().toList());
    }

    /** The lower-case ISO 639-1 code. */
    static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
