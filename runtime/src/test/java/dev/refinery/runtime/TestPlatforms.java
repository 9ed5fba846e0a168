package dev.refinery.runtime;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.S3Config;
import dev.refinery.runtime.topic.TopicAdmin;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import dev.refinery.testkit.Infra;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/** Isolated platforms on shared test infrastructure: a fresh topic prefix (every topic created) and bucket. */
public final class TestPlatforms {
    private TestPlatforms() {}

    public static PlatformConfig create(Infra infra) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        TopicNames topics = TopicNames.withPrefix("it-" + id + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.bootstrapServers()))) {
            TopicAdmin.ensure(admin, TopicSpec.catalogue(topics, 2, (short) 1));
        }
        S3Config s3 = S3Config.local(infra.s3Endpoint(), "it-" + id, infra.s3AccessKey(), infra.s3SecretKey());
        return new PlatformConfig(infra.bootstrapServers(), infra.schemaRegistryUrl(), topics, s3);
    }

    /** The environment variables that point a service (e.g. in a child JVM) at {@code platform}. */
    public static Map<String, String> environment(PlatformConfig platform) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REFINERY_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("REFINERY_SCHEMA_REGISTRY_URL", platform.schemaRegistryUrl().toString());
        env.put("REFINERY_TOPIC_PREFIX", platform.topics().pairsRaw().replace("pairs.raw", ""));
        env.put("REFINERY_S3_ENDPOINT", platform.s3().endpoint().orElseThrow().toString());
        env.put("REFINERY_S3_BUCKET", platform.s3().bucket());
        env.put("REFINERY_S3_ACCESS_KEY", platform.s3().accessKey().orElseThrow());
        env.put("REFINERY_S3_SECRET_KEY", platform.s3().secretKey().orElseThrow());
        env.put("REFINERY_S3_PATH_STYLE", "true");
        return env;
    }
}
