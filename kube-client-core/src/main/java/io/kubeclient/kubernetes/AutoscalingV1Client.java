package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code autoscaling/v1}; obtain it from {@link Clientset#autoscalingV1()}. */
public final class AutoscalingV1Client extends GroupVersionClient {

    AutoscalingV1Client(RESTClient client) {
        super(client);
    }

    /** HorizontalPodAutoscaler objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<HorizontalPodAutoscaler, HorizontalPodAutoscalerList> horizontalPodAutoscalers(String namespace) {
        return namespacedWithStatus("horizontalpodautoscalers", namespace, HorizontalPodAutoscaler.class, HorizontalPodAutoscalerList.class);
    }
}
