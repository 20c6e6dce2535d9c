package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code discovery.k8s.io/v1}; obtain it from {@link Clientset#discoveryV1()}. */
public final class DiscoveryV1Client extends GroupVersionClient {

    DiscoveryV1Client(RESTClient client) {
        super(client);
    }

    /** EndpointSlice objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<EndpointSlice, EndpointSliceList> endpointSlices(String namespace) {
        return namespaced("endpointslices", namespace, EndpointSlice.class, EndpointSliceList.class);
    }
}
