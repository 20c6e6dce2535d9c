package io.kubeclient.clientcmd;

import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.rest.RestConfig;

/** A kubeconfig (possibly merged, possibly with overrides) ready to produce a {@link RestConfig}. */
public interface ClientConfig {

    /**
     * The {@link RestConfig} for the selected context.
     *
     * @throws ConfigurationInvalidException when the selected context, cluster or user is unusable
     *     (including the empty-config case)
     * @throws io.kubeclient.ConfigException for other unusable configuration
     */
    RestConfig clientConfig();

    /**
     * The namespace to use: the {@code --namespace} override (marked overridden), else the
     * context's namespace, else {@code default}.
     */
    Namespace namespace();

    /** The kubeconfig as loaded and merged, without overrides. */
    Config rawConfig();

    /**
     * A namespace and whether it came from an override.
     *
     * @param name the namespace
     * @param overridden whether the {@code --namespace} override supplied it
     */
    record Namespace(String name, boolean overridden) {}
}
