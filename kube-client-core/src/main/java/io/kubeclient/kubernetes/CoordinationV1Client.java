package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code coordination.k8s.io/v1}; obtain it from {@link Clientset#coordinationV1()}. */
public final class CoordinationV1Client extends GroupVersionClient {

    CoordinationV1Client(RESTClient client) {
        super(client);
    }

    /** Lease objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Lease, LeaseList> leases(String namespace) {
        return namespaced("leases", namespace, Lease.class, LeaseList.class);
    }
}
