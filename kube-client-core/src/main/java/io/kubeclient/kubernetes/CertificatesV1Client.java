package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestList;
import io.fabric8.kubernetes.api.model.certificates.v1.ClusterTrustBundle;
import io.fabric8.kubernetes.api.model.certificates.v1.ClusterTrustBundleList;
import io.fabric8.kubernetes.api.model.certificates.v1.PodCertificateRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.PodCertificateRequestList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code certificates.k8s.io/v1}; obtain it from {@link Clientset#certificatesV1()}. */
public final class CertificatesV1Client extends GroupVersionClient {

    CertificatesV1Client(RESTClient client) {
        super(client);
    }

    /** CertificateSigningRequest objects (cluster-scoped). */
    public StatusResourceClient<CertificateSigningRequest, CertificateSigningRequestList> certificateSigningRequests() {
        return clusterWithStatus("certificatesigningrequests", CertificateSigningRequest.class, CertificateSigningRequestList.class);
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
