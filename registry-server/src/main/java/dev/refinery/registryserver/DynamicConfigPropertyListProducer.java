package dev.refinery.registryserver;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import java.util.List;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/**
 * Supplies the {@link DynamicConfigPropertyList} bean that Apicurio's config-impl injects.
 *
 * <p>Upstream, this bean is generated at build time by the
 * {@code apicurio-common-app-components-config-index} Quarkus extension, which we exclude.
 * We do not use dynamic (runtime-mutable) configuration, so an empty list is sufficient.
 */
@ApplicationScoped
public class DynamicConfigPropertyListProducer {

    /** Creates the producer; instantiated by CDI. */
    public DynamicConfigPropertyListProducer() {
        // CDI bean
    }

    /**
     * Produces an empty list of dynamic configuration properties.
     *
     * @return an empty {@link DynamicConfigPropertyList}
     */
    @Produces
    @Singleton
    public DynamicConfigPropertyList dynamicConfigPropertyList() {
        return new DynamicConfigPropertyList(List.of());
    }
}
