package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code node.k8s.io/v1}; obtain it from {@link Clientset#nodeV1()}. */
public final class NodeV1Client extends GroupVersionClient {

    NodeV1Client(RESTClient client) {
        super(client);
    }

    /** RuntimeClass objects (cluster-scoped). */
    public ResourceClient<RuntimeClass, RuntimeClassList> runtimeClasses() {
        return cluster("runtimeclasses", RuntimeClass.class, RuntimeClassList.class);
    }
}
