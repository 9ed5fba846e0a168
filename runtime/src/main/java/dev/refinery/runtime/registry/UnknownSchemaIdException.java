package dev.refinery.runtime.registry;

/** A record names a schema id that the registry does not know (HTTP 404 on {@code /schemas/ids/{id}}). */
public class UnknownSchemaIdException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public UnknownSchemaIdException(int id, String registryMessage) {
        super("Unknown schema id " + id + " (registry says: " + registryMessage + ")", 404, 40403);
    }
}
