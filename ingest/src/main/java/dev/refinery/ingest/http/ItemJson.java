package dev.refinery.ingest.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One pair as JSON. Jackson decodes {@code image_base64} straight from the request bytes into {@code byte[]}, without
 * an intermediate string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ItemJson(
        @JsonProperty("caption") String caption,
        @JsonProperty("image_base64") byte[] imageBase64,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("image_part") String imagePart,
        @JsonProperty("key") String key,
        @JsonProperty("page_url") String pageUrl,
        @JsonProperty("source") String source,
        @JsonProperty("metadata") Map<String, Object> metadata) {}
