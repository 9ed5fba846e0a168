package dev.refinery.rewriter.rules;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whole captions that describe nothing: at most {@value #MAX_WORDS} words, all of them in {@link #STRONG} or
 * {@link #WEAK} and at least one in {@link #STRONG} ("image", "Click to enlarge", "no image available", "Untitled-1",
 * "Zum Vergrößern klicken", "画像"), or a missing-value stand-in ({@link #NULLISH}: "no description", "alt text",
 * "n/a", "[object Object]", "lorem ipsum"). Number-only words are ignored and trailing digits cut ("image1", "Photo
 * (2)"), and a counter like "3 of 12" is generic. Weak words ("the", "default", "avatar") never make a caption
 * generic alone, so "Avatar" stays, and so does any caption with one word outside both lists ("Nike logo", "Old
 * family photo").
 */
final class GenericCaptions {
    private static final int MAX_WORDS = 8;
    private static final Set<String> STRONG = words("""
        image images img photo photos photograph picture pictures pic pics jpg jpeg png foto fotos bild bilder
        imagen imágenes imagem immagine afbeelding zdjęcie фото изображение картинка صورة صور 图片 图像 照片 画像
        写真 이미지 사진 thumbnail thumb placeholder untitled unnamed logo icon banner spacer loading enlarge zoom
        click download screenshot null undefined nan klicken vergrößern cliquez agrandir ampliar clic clicca
        ingrandire advertisement werbung anzeige クリックで拡大 点击查看大图 点击放大 暂无图片 无图片 画像なし
        """);
    private static final Set<String> WEAK = words("""
        a an the this that of for to here in on at by from with and or is it my your our new main featured hero
        header top default blank sample stock free royalty preview large larger small full size high res
        resolution hd design view see more show open next previous prev back button slide slider gallery cover
        background avatar profile user author product item post article blog no not available found missing
        unavailable coming soon error alt text description caption title zum hier kein keine nicht pour
        ici voir plus pas de la le les un une para aquí ver más sin per qui di tap
        """);
    /** Stand-ins for a missing value, matched as the whole caption's words. */
    private static final Set<String> NULLISH = Set.of(
            "no description",
            "description",
            "no caption",
            "caption",
            "image description",
            "alt",
            "alt text",
            "alt tag",
            "enter alt text",
            "title",
            "n a",
            "na",
            "none",
            "nil",
            "object object",
            "lorem ipsum",
            "test",
            "todo",
            "tbd",
            "xxx",
            "asdf",
            "text",
            "sample text",
            "your text here",
            "insert image here");

    private static final Pattern COUNTER = Pattern.compile("(?:\\p{L}+ ?)?\\d+ ?(?:of|/|von|de|di|sur) ?\\d+");

    private GenericCaptions() {}

    static boolean matches(String s) {
        String lower = Text.lower(s).strip();
        if (COUNTER.matcher(lower).matches()) {
            return true;
        }
        List<String> words = Text.words(lower);
        if (words.size() > 3 * MAX_WORDS) {
            return false;
        }
        if (NULLISH.contains(String.join(" ", words))) {
            return true;
        }
        int count = 0;
        boolean strong = false;
        for (String word : words) {
            String cut = word.replaceFirst("\\d+$", "");
            if (cut.isEmpty()) {
                continue;
            }
            count++;
            if (STRONG.contains(cut)) {
                strong = true;
            } else if (!WEAK.contains(cut)) {
                return false;
            }
        }
        return strong && count <= MAX_WORDS;
    }

    private static Set<String> words(String text) {
        return Set.copyOf(List.of(text.strip().split("\\s+")));
    }
}
