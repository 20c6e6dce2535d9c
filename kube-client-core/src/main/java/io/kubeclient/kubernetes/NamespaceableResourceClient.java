package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RESTClient;
import java.util.Objects;

/**
 * A client for a resource known only by its {@link GroupVersionResource}, such as a custom resource:
 * client-go's {@code NamespaceableResourceInterface}. As is, requests carry no namespace (a
 * cluster-scoped resource, or a namespaced one listed across all namespaces); {@link #namespace(String)}
 * gives the client for one namespace. Every verb of {@link StatusResourceClient} is available; the
 * server answers 404 for a subresource it does not serve.
 *
 * <p>Used by {@code DynamicClient} with {@code GenericKubernetesResource}, and by
 * {@link Clientset#resource} with a model class of one's own.
 *
 * @param <T> the object type
 * @param <L> its list type
 */
public final class NamespaceableResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>>
        extends StatusResourceClient<T, L> {

    NamespaceableResourceClient(RESTClient client, String resource, Class<T> type, Class<L> listType) {
        super(client, resource, false, "", type, listType);
    }

    /**
     * A client for {@code resource} over {@code restClient}, which must be built for the resource's
     * group/version.
     *
     * @throws InvalidRequestException when the resource is empty or not a valid path segment, or the
     *     REST client has no version
     */
    public static <T extends HasMetadata, L extends KubernetesResourceList<T>> NamespaceableResourceClient<T, L> of(
            RESTClient restClient, String resource, Class<T> type, Class<L> listType) {
        Objects.requireNonNull(restClient, "restClient");
        GroupVersion gv = restClient.apiVersion();
        if (gv.version().isEmpty()) {
            throw new InvalidRequestException("a version is required to access resource \"" + resource
                    + "\"; the REST client is not versioned");
        }
        if (resource == null || resource.isEmpty()) {
            throw new InvalidRequestException("a resource is required for group/version \"" + gv + "\"");
        }
        Names.checkGroupVersion(gv);
        Names.checkName(resource, "group/version " + gv);
        return new NamespaceableResourceClient<>(restClient, resource, type, listType);
    }

    /**
     * The client for one namespace; {@code ""} lists and watches across all namespaces.
     *
     * @throws InvalidRequestException when the namespace is not a DNS-1123 label
     */
    public StatusResourceClient<T, L> namespace(String namespace) {
        return new StatusResourceClient<>(client, resource, true, namespace, type, listType);
    }
}
