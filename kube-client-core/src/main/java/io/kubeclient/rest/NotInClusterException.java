package io.kubeclient.rest;

import io.kubeclient.ConfigException;

/** Thrown when in-cluster configuration is asked for outside a pod: client-go's {@code ErrNotInCluster}. */
public final class NotInClusterException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /** client-go's message for {@code ErrNotInCluster}. */
    public static final String MESSAGE =
            "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined";

    NotInClusterException() {
        super(MESSAGE);
    }
}
