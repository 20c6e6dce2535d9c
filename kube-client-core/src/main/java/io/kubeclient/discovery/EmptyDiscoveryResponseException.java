package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.KubeException;

/** A group version's resource list was empty; the memory cache records this as a failure, as client-go. */
final class EmptyDiscoveryResponseException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient APIResourceList resourceList;

    EmptyDiscoveryResponseException(String groupVersion, APIResourceList resourceList) {
        super("received empty response for: " + groupVersion);
        this.resourceList = resourceList;
    }

    APIResourceList resourceList() {
        return resourceList;
    }
}
