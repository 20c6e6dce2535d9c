package io.kubeclient.clientcmd;

import io.kubeclient.clientcmd.api.Config;

/** Produces the raw kubeconfig a {@link ClientConfig} is built from. */
@FunctionalInterface
public interface ClientConfigLoader {

    /**
     * Loads (and, for several files, merges) the kubeconfig.
     *
     * @throws io.kubeclient.ConfigException when a file is unreadable or invalid
     */
    Config load();
}
