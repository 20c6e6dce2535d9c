package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupList;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.Workload;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.WorkloadList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code scheduling.k8s.io/v1beta1}; obtain it from {@link Clientset#schedulingV1beta1()}. */
public final class SchedulingV1beta1Client extends GroupVersionClient {

    SchedulingV1beta1Client(RESTClient client) {
        super(client);
    }

    /** PodGroup objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<PodGroup, PodGroupList> podGroups(String namespace) {
        return namespacedWithStatus("podgroups", namespace, PodGroup.class, PodGroupList.class);
    }

    /** Workload objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Workload, WorkloadList> workloads(String namespace) {
        return namespaced("workloads", namespace, Workload.class, WorkloadList.class);
    }
}
