package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.certificates.v1beta1.ClusterTrustBundle;
import io.fabric8.kubernetes.api.model.certificates.v1beta1.ClusterTrustBundleList;
import io.fabric8.kubernetes.api.model.certificates.v1beta1.PodCertificateRequest;
import io.fabric8.kubernetes.api.model.certificates.v1beta1.PodCertificateRequestList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code certificates.k8s.io/v1beta1}; obtain it from {@link Clientset#certificatesV1beta1()}. */
public final class CertificatesV1beta1Client extends GroupVersionClient {

    CertificatesV1beta1Client(RESTClient client) {
        super(client);
    }

    /** ClusterTrustBundle objects (cluster-scoped). */
    public ResourceClient<ClusterTrustBundle, ClusterTrustBundleList> clusterTrustBundles() {
        return cluster("clustertrustbundles", ClusterTrustBundle.class, ClusterTrustBundleList.class);
    }

    /** PodCertificateRequest objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<PodCertificateRequest, PodCertificateRequestList> podCertificateRequests(String namespace) {
        return namespacedWithStatus("podcertificaterequests", namespace, PodCertificateRequest.class, PodCertificateRequestList.class);
    }
}
