package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.CompositePodGroup;
import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.CompositePodGroupList;
import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.PodGroup;
import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.PodGroupList;
import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.Workload;
import io.fabric8.kubernetes.api.model.scheduling.v1alpha3.WorkloadList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code scheduling.k8s.io/v1alpha3}; obtain it from {@link Clientset#schedulingV1alpha3()}. */
public final class SchedulingV1alpha3Client extends GroupVersionClient {

    SchedulingV1alpha3Client(RESTClient client) {
        super(client);
    }

    /** CompositePodGroup objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<CompositePodGroup, CompositePodGroupList> compositePodGroups(String namespace) {
        return namespacedWithStatus("compositepodgroups", namespace, CompositePodGroup.class, CompositePodGroupList.class);
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
