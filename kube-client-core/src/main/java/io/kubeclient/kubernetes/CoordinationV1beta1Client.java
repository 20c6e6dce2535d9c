package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1beta1.LeaseCandidate;
import io.fabric8.kubernetes.api.model.coordination.v1beta1.LeaseCandidateList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code coordination.k8s.io/v1beta1}; obtain it from {@link Clientset#coordinationV1beta1()}. */
public final class CoordinationV1beta1Client extends GroupVersionClient {

    CoordinationV1beta1Client(RESTClient client) {
        super(client);
    }

    /** LeaseCandidate objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<LeaseCandidate, LeaseCandidateList> leaseCandidates(String namespace) {
        return namespaced("leasecandidates", namespace, LeaseCandidate.class, LeaseCandidateList.class);
    }
}
