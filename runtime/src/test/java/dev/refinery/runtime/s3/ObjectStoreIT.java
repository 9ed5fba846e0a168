package dev.refinery.runtime.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RefineryInfraExtension.class)
class ObjectStoreIT {

    @Test
    void shouldPutAndGetAnObject(Infra infra) {
        try (ObjectStore store = store(infra, "it-small")) {
            store.ensureBucket();
            store.ensureBucket(); // idempotent
            byte[] bytes = "hello refinery".getBytes(StandardCharsets.UTF_8);

            store.put("a/b.txt", bytes, "text/plain");

            assertThat(store.get("a/b.txt")).isEqualTo(bytes);
            assertThat(store.exists("a/b.txt")).isTrue();
            assertThat(store.exists("a/missing.txt")).isFalse();
            assertThat(store.uri("a/b.txt")).isEqualTo("s3://it-small/a/b.txt");
        }
    }

    @Test
    void shouldWriteContentAddressedObjectsOnce(Infra infra) {
        try (ObjectStore store = store(infra, "it-once")) {
            store.ensureBucket();
            byte[] image = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};

            assertThat(store.putIfAbsent("images/ab/abcdef", image, "image/jpeg"))
                    .isTrue();
            assertThat(store.putIfAbsent("images/ab/abcdef", image, "image/jpeg"))
                    .isFalse();
            assertThat(store.get("images/ab/abcdef")).isEqualTo(image);
        }
    }

    @Test
    void shouldUploadTwentyMegabytesInParts(Infra infra) throws Exception {
        try (ObjectStore store = store(infra, "it-multipart")) {
            store.ensureBucket();
            byte[] shard = new byte[20 * 1024 * 1024];
            new Random(42).nextBytes(shard);

            store.upload("curated/run-1/shard-000000.tar", new ByteArrayInputStream(shard), shard.length, "x-tar");

            byte[] back = store.get("curated/run-1/shard-000000.tar");
            assertThat(back.length).isEqualTo(shard.length);
            assertThat(sha256(back)).isEqualTo(sha256(shard));
        }
    }

    private static ObjectStore store(Infra infra, String bucket) {
        return ObjectStore.create(S3Config.local(infra.s3Endpoint(), bucket, infra.s3AccessKey(), infra.s3SecretKey()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
