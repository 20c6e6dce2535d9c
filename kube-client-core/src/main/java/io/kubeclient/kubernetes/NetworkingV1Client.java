package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.networking.v1.IPAddress;
import io.fabric8.kubernetes.api.model.networking.v1.IPAddressList;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassList;
import io.fabric8.kubernetes.api.model.networking.v1.IngressList;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyList;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceCIDR;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceCIDRList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code networking.k8s.io/v1}; obtain it from {@link Clientset#networkingV1()}. */
public final class NetworkingV1Client extends GroupVersionClient {

    NetworkingV1Client(RESTClient client) {
        super(client);
    }

    /** Ingress objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<Ingress, IngressList> ingresses(String namespace) {
        return namespacedWithStatus("ingresses", namespace, Ingress.class, IngressList.class);
    }

    /** IngressClass objects (cluster-scoped). */
    public ResourceClient<IngressClass, IngressClassList> ingressClasses() {
        return cluster("ingressclasses", IngressClass.class, IngressClassList.class);
    }

    /** IPAddress objects (cluster-scoped). */
    public ResourceClient<IPAddress, IPAddressList> ipAddresses() {
        return cluster("ipaddresses", IPAddress.class, IPAddressList.class);
    }

    /** NetworkPolicy objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<NetworkPolicy, NetworkPolicyList> networkPolicies(String namespace) {
        return namespaced("networkpolicies", namespace, NetworkPolicy.class, NetworkPolicyList.class);
    }

    /** ServiceCIDR objects (cluster-scoped). */
    public StatusResourceClient<ServiceCIDR, ServiceCIDRList> serviceCIDRs() {
        return clusterWithStatus("servicecidrs", ServiceCIDR.class, ServiceCIDRList.class);
    }
}
