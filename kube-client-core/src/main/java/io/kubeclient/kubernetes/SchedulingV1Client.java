package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code scheduling.k8s.io/v1}; obtain it from {@link Clientset#schedulingV1()}. */
public final class SchedulingV1Client extends GroupVersionClient {

    SchedulingV1Client(RESTClient client) {
        super(client);
    }

    /** PriorityClass objects (cluster-scoped). */
    public ResourceClient<PriorityClass, PriorityClassList> priorityClasses() {
        return cluster("priorityclasses", PriorityClass.class, PriorityClassList.class);
    }
}
