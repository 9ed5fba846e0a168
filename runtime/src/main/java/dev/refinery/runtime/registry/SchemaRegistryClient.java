package dev.refinery.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent Schema Registry REST API (also served by Karapace, Redpanda and Apicurio's
 * {@code /apis/ccompat/v7}). Avro only. Ids and registrations are cached; the client is thread-safe.
 */
public final class SchemaRegistryClient {
    private final ObjectMapper json = new ObjectMapper();
    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById;
    private final Map<String, Integer> idsBySubjectAndSchema;

    public SchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config, json);
        this.schemasById = BoundedCache.create(config.cacheCapacity());
        this.idsBySubjectAndSchema = BoundedCache.create(config.cacheCapacity());
    }

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its global id. */
    public int register(String subject, Schema schema) {
        String text = schema.toString();
        Integer cached = idsBySubjectAndSchema.get(subject + '\0' + text);
        if (cached != null) {
            return cached;
        }
        RegistryHttp.Answer answer = http.post("/subjects/" + encode(subject) + "/versions", schemaBody(text));
        if (!answer.ok() && answer.error().status() == 409) {
            // Either incompatible, or (Apicurio) another client registered the subject concurrently: a lookup tells.
            Optional<RegisteredSchema> existing = lookup(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
        }
        if (!answer.ok()) {
            throw failure("register a schema under subject " + subject, answer.error());
        }
        int id = answer.body().path("id").asInt();
        idsBySubjectAndSchema.put(subject + '\0' + text, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The id of {@code schema} if it is registered under {@code subject}, without registering it. */
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        String text = schema.toString();
        RegistryHttp.Answer answer = http.post("/subjects/" + encode(subject), schemaBody(text));
        if (!answer.ok()) {
            if (answer.error().status() == 404) {
                return Optional.empty();
            }
            throw failure("look up a schema under subject " + subject, answer.error());
        }
        RegisteredSchema found = registered(answer.body(), subject);
        idsBySubjectAndSchema.put(subject + '\0' + text, found.id());
        return Optional.of(found);
    }

    /** The schema with global id {@code id}. */
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        RegistryHttp.Answer answer = http.get("/schemas/ids/" + id);
        if (!answer.ok()) {
            if (answer.error().status() == 404) {
                throw new UnknownSchemaIdException(id, answer.error().message());
            }
            throw failure("fetch schema id " + id, answer.error());
        }
        Schema schema = new Schema.Parser().parse(answer.body().path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    /** A version of a subject: a number, or {@code latest}. */
    public RegisteredSchema getVersion(String subject, String version) {
        RegistryHttp.Answer answer = http.get("/subjects/" + encode(subject) + "/versions/" + encode(version));
        if (!answer.ok()) {
            throw failure("fetch version " + version + " of subject " + subject, answer.error());
        }
        return registered(answer.body(), subject);
    }

    public RegisteredSchema getLatest(String subject) {
        return getVersion(subject, "latest");
    }

    public List<String> subjects() {
        RegistryHttp.Answer answer = http.get("/subjects");
        if (!answer.ok()) {
            throw failure("list subjects", answer.error());
        }
        List<String> subjects = new ArrayList<>();
        answer.body().forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    public void setCompatibility(String subject, Compatibility level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        RegistryHttp.Answer answer = http.put("/config/" + encode(subject), body);
        if (!answer.ok()) {
            throw failure("set compatibility of subject " + subject, answer.error());
        }
    }

    public Compatibility getCompatibility(String subject) {
        RegistryHttp.Answer answer = http.get("/config/" + encode(subject));
        if (!answer.ok()) {
            throw failure("get compatibility of subject " + subject, answer.error());
        }
        JsonNode body = answer.body();
        String level = body.hasNonNull("compatibilityLevel")
                ? body.get("compatibilityLevel").asText()
                : body.path("compatibility").asText();
        return Compatibility.valueOf(level);
    }

    /** Whether {@code schema} could be registered under {@code subject} against its latest version. */
    public boolean isCompatible(String subject, Schema schema) {
        RegistryHttp.Answer answer = http.post(
                "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema.toString()));
        if (!answer.ok()) {
            throw failure("test compatibility against subject " + subject, answer.error());
        }
        return answer.body().path("is_compatible").asBoolean(false);
    }

    private RegisteredSchema registered(JsonNode body, String subject) {
        int id = body.path("id").asInt();
        Schema schema = new Schema.Parser().parse(body.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(
                body.path("subject").asText(subject), body.path("version").asInt(), id, schema);
    }

    private ObjectNode schemaBody(String schemaText) {
        return json.createObjectNode().put("schemaType", "AVRO").put("schema", schemaText);
    }

    private static SchemaRegistryException failure(String what, RegistryHttp.ClientError error) {
        String message = "Schema registry refused to " + what + ": HTTP " + error.status() + ", error_code "
                + error.errorCode() + ": " + error.message();
        if (error.status() == 409) {
            return new IncompatibleSchemaException(message, error.errorCode());
        }
        return new SchemaRegistryException(message, error.status(), error.errorCode());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
