package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A versioned selection policy (DESIGN.md, "Selection policies"), parsed from JSON. Its version is {@link #hash()},
 * the hex SHA-256 of {@link #canonicalJson()}: sorted keys, no whitespace, defaults spelled out, numbers normalised
 * (every real as a Java double, {@code 1} and {@code 1.0} alike), labels lower-cased and sorted. Key order,
 * whitespace and spelled-out defaults therefore do not change the hash; any change of meaning does.
 *
 * <p>Types: {@link ProportionalPolicy}, {@link LowestPolicy}, {@link ThresholdPolicy}, {@link CapPolicy}; every type
 * takes {@code rules} (see {@link Rule}), applied in order before ranking.
 */
public sealed interface SelectionPolicy permits ProportionalPolicy, LowestPolicy, ThresholdPolicy, CapPolicy {

    /** The policy type, for {@code Decision.policy_name}: proportional, lowest, threshold or cap. */
    String name();

    /** Filters applied in order before ranking; the first failure rejects. */
    List<Rule> rules();

    /** The ranking, empty for a {@code cap} without weights. */
    Optional<Ranking> ranking();

    /** Per-cluster quota parameters, empty when decisions need no state (a {@code threshold} without a cap). */
    Optional<QuotaParams> quota();

    static SelectionPolicy parse(String json) {
        return PolicyParser.parse(json);
    }

    static SelectionPolicy read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    default String canonicalJson() {
        return CanonicalJson.write(this);
    }

    /** Hex SHA-256 of the canonical form, for {@code Decision.policy_hash} and run manifests. */
    default String hash() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
