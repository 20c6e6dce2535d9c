package io.kubeclient.spring.autoconfigure;

import io.kubeclient.rest.RestConfig;

/**
 * Changes the auto-configured {@link RestConfig} before it is built. Customizers run after the
 * {@code kube.client.*} properties are applied, in {@link org.springframework.core.Ordered order},
 * so they win over properties.
 */
@FunctionalInterface
public interface RestConfigCustomizer {

    /** Adjusts the builder that already holds the connection and the properties. */
    void customize(RestConfig.Builder builder);
}
