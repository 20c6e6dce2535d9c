package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code autoscaling/v2}; obtain it from {@link Clientset#autoscalingV2()}. */
public final class AutoscalingV2Client extends GroupVersionClient {

    AutoscalingV2Client(RESTClient client) {
        super(client);
    }

    /** HorizontalPodAutoscaler objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<HorizontalPodAutoscaler, HorizontalPodAutoscalerList> horizontalPodAutoscalers(String namespace) {
        return namespacedWithStatus("horizontalpodautoscalers", namespace, HorizontalPodAutoscaler.class, HorizontalPodAutoscalerList.class);
    }
}
