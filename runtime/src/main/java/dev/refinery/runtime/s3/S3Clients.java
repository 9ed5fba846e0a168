package dev.refinery.runtime.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the AWS SDK v2 S3 client every service uses. */
public final class S3Clients {
    private S3Clients() {}

    public static S3Client create(S3Config config) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(true).build())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        config.endpoint().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(config));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Config config) {
        return config.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.accessKey().get(), config.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
    }

    /** A presigner with the same endpoint, region, path style and credentials as {@link #create}. */
    public static S3Presigner presigner(S3Config config) {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.pathStyle())
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(config));
        return builder.build();
    }
}
