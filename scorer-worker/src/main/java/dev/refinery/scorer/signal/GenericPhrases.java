package dev.refinery.scorer.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generic page-furniture captions ("image", "click here to enlarge", "no image available", "Foto", "图片").
 *
 * <p>The caption is split into words (letters, digits and combining marks); number-only words are dropped and trailing
 * digits are cut ("image1", "Photo (2)", "untitled-1"). It is generic when it has at most 8 words, every word is in
 * {@link #STRONG} or {@link #WEAK}, and at least one is in {@link #STRONG}. Weak words ("the", "default", "button",
 * "avatar", "slide") are generic only next to a strong one, so "Avatar" or "Button" alone, which may name a film or
 * an object, pass, while "user avatar image" does not. Also "image 3 of 12" and bare "1 of 12" counters.
 */
final class GenericPhrases {
    private static final Set<String> STRONG = words("""
        image images img imgs photo photos photograph photographs picture pictures pic pics jpg jpeg png gif
        foto fotos fotografia fotografie bild bilder imagen imagenes imágenes imagem imagens immagine immagini
        afbeelding zdjęcie zdjęcia фото фотография изображение картинка зображення resim görsel صورة عکس
        तस्वीर 图片 图像 照片 画像 写真 이미지 사진 ảnh gambar
        thumbnail thumbnails thumb thumbs placeholder untitled logo logos icon icons banner banners spacer
        loading enlarge zoom click tap download more share screenshot
        klicken vergrößern cliquez agrandir clic ampliar clicca ingrandire klik vergroten kliknij powiększyć
        нажмите увеличения advertisement advertisements sponsored werbung anzeige publicité publicidad pubblicità
        реклама 广告 広告 광고
        点击查看大图 点击放大 暂无图片 无图片 图片加载中 画像なし クリックで拡大
        """);

    private static final Set<String> WEAK = words("""
        a an the this that these of for to here there now in on at by from with and or is it my your our his her
        its their new old main featured hero header footer top bottom left right site website web page home
        product products profile user author default blank sample stock free royalty preview large larger small
        smaller medium big full size sized high res resolution hd hq low mini view see read learn show open close
        next previous prev back play video button slide slider gallery cover background bg avatar not no
        available found missing unavailable coming soon error broken link text alt description title caption
        related post article blog news item category please wait info information details detail us hình design
        zum zur hier kein keine nicht verfügbar pour ici voir plus pas de la le les une un disponible haz para
        aquí ver más sin per qui vedi di nessuna om te geen beschikbaar aby brak для нет 없음
        facebook twitter instagram pinterest linkedin youtube whatsapp tiktok desktop mobile retina ad ads
        """);

    private static final Pattern COUNTER =
            Pattern.compile("(?:\\p{L}+\\s*)?\\d+\\s*(?:of|/|von|de|di|sur|van|z|из)\\s*\\d+");
    private static final int MAX_WORDS = 8;

    private GenericPhrases() {}

    /** {@code lower} is the stripped, lower-cased caption. */
    static boolean matches(String lower) {
        if (COUNTER.matcher(lower).matches()) {
            return true;
        }
        List<String> words = words(lower, MAX_WORDS + 1);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return false;
        }
        boolean strong = false;
        for (String word : words) {
            if (STRONG.contains(word)) {
                strong = true;
            } else if (!WEAK.contains(word)) {
                return false;
            }
        }
        return strong;
    }

    /** Up to {@code limit} words, number-only words dropped, trailing digits cut. */
    private static List<String> words(String lower, int limit) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lower.length() && out.size() < limit) {
            while (i < lower.length() && !isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int start = i;
            while (i < lower.length() && isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int end = i;
            while (end > start && Character.isDigit(lower.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                out.add(lower.substring(start, end));
            }
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static Set<String> words(String text) {
        return Set.copyOf(List.of(text.strip().split("\\s+")));
    }
}
