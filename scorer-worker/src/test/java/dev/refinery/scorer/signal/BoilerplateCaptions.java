package dev.refinery.scorer.signal;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Real-looking crawled captions for {@link BoilerplateSignalTest}. */
final class BoilerplateCaptions {
    private BoilerplateCaptions() {}

    /** Crawled alt text that describes nothing, with the expected reason. */
    static Stream<Arguments> boilerplate() {
        return Stream.of(
                // file names and camera/device names
                arguments("IMG_0042.JPG", BoilerplateSignal.FILE_NAME),
                arguments("DSC01234", BoilerplateSignal.FILE_NAME),
                arguments("image001.png", BoilerplateSignal.FILE_NAME),
                arguments("20190612_153012.jpg", BoilerplateSignal.FILE_NAME),
                arguments("20190612_153012", BoilerplateSignal.FILE_NAME),
                arguments("IMG-20190612-WA0001", BoilerplateSignal.FILE_NAME),
                arguments("P1010001", BoilerplateSignal.FILE_NAME),
                arguments("DSCN0456 (2)", BoilerplateSignal.FILE_NAME),
                arguments("PXL_20210612_153012345", BoilerplateSignal.FILE_NAME),
                arguments("GOPR0123", BoilerplateSignal.FILE_NAME),
                arguments("DJI_0042", BoilerplateSignal.FILE_NAME),
                arguments("photo_2021-03-04_18-22-10", BoilerplateSignal.FILE_NAME),
                arguments("Screen Shot 2019-06-12 at 3.04.12 PM", BoilerplateSignal.FILE_NAME),
                arguments("Screenshot_20190612-153012_Chrome", BoilerplateSignal.FILE_NAME),
                arguments("WhatsApp Image 2021-03-04 at 18.22.10", BoilerplateSignal.FILE_NAME),
                arguments("sunset-beach-1024x768.jpg", BoilerplateSignal.FILE_NAME),
                arguments("My Holiday Photo.jpeg", BoilerplateSignal.FILE_NAME),
                arguments("banner_home_v2.webp?ver=1.2", BoilerplateSignal.FILE_NAME),
                arguments("3f2a9c1e-7b4d-4e1a-9c3b-2d5e6f7a8b9c", BoilerplateSignal.FILE_NAME),
                arguments("d41d8cd98f00b204e9800998ecf8427e", BoilerplateSignal.FILE_NAME),
                arguments("unnamed (3)", BoilerplateSignal.FILE_NAME),
                arguments("C:\\Users\\Bob\\Pictures\\cat.jpg", BoilerplateSignal.FILE_NAME),
                // URLs
                arguments("https://example.com/images/products/12345.jpg", BoilerplateSignal.URL),
                arguments("www.bestdeals-shop.com", BoilerplateSignal.URL),
                arguments("amazon.co.uk", BoilerplateSignal.URL),
                arguments("/wp-content/uploads/2019/06/header.png", BoilerplateSignal.URL),
                arguments("data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP", BoilerplateSignal.URL),
                // generic page furniture, several languages
                arguments("image", BoilerplateSignal.GENERIC),
                arguments("Photo", BoilerplateSignal.GENERIC),
                arguments("click here", BoilerplateSignal.GENERIC),
                arguments("Click to enlarge", BoilerplateSignal.GENERIC),
                arguments("thumbnail", BoilerplateSignal.GENERIC),
                arguments("Untitled-1", BoilerplateSignal.GENERIC),
                arguments("placeholder", BoilerplateSignal.GENERIC),
                arguments("logo", BoilerplateSignal.GENERIC),
                arguments("icon", BoilerplateSignal.GENERIC),
                arguments("BANNER", BoilerplateSignal.GENERIC),
                arguments("No image available", BoilerplateSignal.GENERIC),
                arguments("no-image-available", BoilerplateSignal.GENERIC),
                arguments("default image", BoilerplateSignal.GENERIC),
                arguments("spacer", BoilerplateSignal.GENERIC),
                arguments("loading...", BoilerplateSignal.GENERIC),
                arguments("Image (2)", BoilerplateSignal.GENERIC),
                arguments("Image 3 of 12", BoilerplateSignal.GENERIC),
                arguments("Read more", BoilerplateSignal.GENERIC),
                arguments("Featured image", BoilerplateSignal.GENERIC),
                arguments("user avatar image", BoilerplateSignal.GENERIC),
                arguments("Zum Vergrößern klicken", BoilerplateSignal.GENERIC),
                arguments("Foto", BoilerplateSignal.GENERIC),
                arguments("图片", BoilerplateSignal.GENERIC),
                // markup leftovers
                arguments("&nbsp;", BoilerplateSignal.HTML),
                arguments("<img src=\"/images/logo.png\">", BoilerplateSignal.HTML),
                arguments("Summer dress&nbsp;- red", BoilerplateSignal.HTML),
                arguments("Tom &amp; Jerry", BoilerplateSignal.HTML),
                arguments("Rock &#39;n&#39; roll", BoilerplateSignal.HTML),
                arguments("{{ product.title }}", BoilerplateSignal.HTML),
                arguments("Caf\\u00e9 interior", BoilerplateSignal.HTML),
                // keyword stuffing
                arguments("sale sale sale sale", BoilerplateSignal.REPEATED),
                arguments("cheap shoes cheap shoes cheap shoes", BoilerplateSignal.REPEATED),
                arguments("hotel paris, hotel paris, hotel paris", BoilerplateSignal.REPEATED),
                arguments("促销促销促销促销", BoilerplateSignal.REPEATED),
                // digits and punctuation only
                arguments("2019", BoilerplateSignal.NUMERIC),
                arguments("$19.99", BoilerplateSignal.NUMERIC),
                arguments("1/12", BoilerplateSignal.NUMERIC),
                arguments("+49 30 1234567", BoilerplateSignal.NUMERIC),
                arguments("300x250", BoilerplateSignal.NUMERIC),
                // no content at all
                arguments("", BoilerplateSignal.EMPTY_LIKE),
                arguments(" \u00a0 ", BoilerplateSignal.EMPTY_LIKE),
                arguments("-", BoilerplateSignal.EMPTY_LIKE),
                arguments("...", BoilerplateSignal.EMPTY_LIKE),
                arguments("•••", BoilerplateSignal.EMPTY_LIKE),
                arguments("null", BoilerplateSignal.EMPTY_LIKE),
                arguments("undefined", BoilerplateSignal.EMPTY_LIKE),
                arguments("N/A", BoilerplateSignal.EMPTY_LIKE),
                arguments("[object Object]", BoilerplateSignal.EMPTY_LIKE),
                arguments("Lorem ipsum dolor sit amet", BoilerplateSignal.EMPTY_LIKE));
    }

    /** Real descriptions, many mentioning boilerplate words, numbers or markup-like characters. */
    static Stream<String> genuine() {
        return Stream.of(
                "Photo of a cat sleeping on a windowsill",
                "A black cat sleeping on a red sofa",
                "Nike logo",
                "Nike Air Max 90 Essential Men's Shoes",
                "Screenshot of the settings page explaining dark mode",
                "Screenshot 2 of the game menu",
                "Close-up of a woman's hands typing on a laptop keyboard",
                "Image may contain: 2 people, people smiling, outdoor",
                "Stock photo of businessman shaking hands with partner in modern office",
                "Avatar",
                "Vintage brass button",
                "New York, New York",
                "Bora Bora sunset",
                "2019 Toyota Corolla LE sedan in silver",
                "iPhone 12 Pro Max 256GB",
                "Tom & Jerry cartoon",
                "AT&T store front",
                "Q&A session with the author",
                "The Picture of Dorian Gray book cover",
                "Click and collect counter in a supermarket",
                "Icon of the Virgin Mary, 16th century",
                "Download the free brochure",
                "Photo: John Smith/Reuters",
                "Mount Fuji at sunrise, Japan",
                "Sale! 50% off all shoes",
                "PIC18F4550 microcontroller",
                "沙发上的黑猫",
                "黒猫がソファの上で寝ている",
                "Кот спит на диване",
                "قطة سوداء على الأريكة",
                "Ein Hund spielt im Schnee 🐕❄️",
                "Booking.com logo",
                "node.js logo",
                "St. Moritz in winter",
                "Boeing 747-400 landing at dusk",
                "Route 66 sign",
                "H&M store in Stockholm",
                "Rock 'n' Roll Hall of Fame",
                "x < y < z on a blackboard");
    }
}
