package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.rest.RESTClient;
import java.util.Objects;

/**
 * The base of the per-group/version clients ({@link CoreV1Client}, {@link AppsV1Client}, ...), whose
 * getters hand out typed resource clients sharing one {@link RESTClient}.
 */
public abstract class GroupVersionClient {

    private final RESTClient client;

    GroupVersionClient(RESTClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The REST client for this group/version, for requests the typed clients do not cover. */
    public RESTClient restClient() {
        return client;
    }

    <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceClient<T, L> namespaced(
            String resource, String namespace, Class<T> type, Class<L> listType) {
        return new ResourceClient<>(client, resource, true, namespace, type, listType);
    }

    <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceClient<T, L> cluster(
            String resource, Class<T> type, Class<L> listType) {
        return new ResourceClient<>(client, resource, false, "", type, listType);
    }

    <T extends HasMetadata, L extends KubernetesResourceList<T>> StatusResourceClient<T, L> namespacedWithStatus(
            String resource, String namespace, Class<T> type, Class<L> listType) {
        return new StatusResourceClient<>(client, resource, true, namespace, type, listType);
    }

    <T extends HasMetadata, L extends KubernetesResourceList<T>> StatusResourceClient<T, L> clusterWithStatus(
            String resource, Class<T> type, Class<L> listType) {
        return new StatusResourceClient<>(client, resource, false, "", type, listType);
    }

    <T extends HasMetadata, L extends KubernetesResourceList<T>> ScalableResourceClient<T, L> scalable(
            String resource, String namespace, Class<T> type, Class<L> listType) {
        return new ScalableResourceClient<>(client, resource, namespace, type, listType);
    }

    <T extends KubernetesResource> CreateOnlyClient<T> createOnly(String resource, Class<T> type) {
        return new CreateOnlyClient<>(client, resource, false, "", type);
    }

    <T extends KubernetesResource> CreateOnlyClient<T> createOnly(String resource, String namespace, Class<T> type) {
        return new CreateOnlyClient<>(client, resource, true, namespace, type);
    }
}
