package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code policy/v1}; obtain it from {@link Clientset#policyV1()}. */
public final class PolicyV1Client extends GroupVersionClient {

    PolicyV1Client(RESTClient client) {
        super(client);
    }

    /** PodDisruptionBudget objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<PodDisruptionBudget, PodDisruptionBudgetList> podDisruptionBudgets(String namespace) {
        return namespacedWithStatus("poddisruptionbudgets", namespace, PodDisruptionBudget.class, PodDisruptionBudgetList.class);
    }
}
