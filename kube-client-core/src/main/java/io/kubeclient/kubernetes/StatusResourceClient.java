package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.RESTClient;

/**
 * A {@link ResourceClient} for a resource with a {@code status} subresource, adding
 * {@link #updateStatus} and {@link #applyStatus}. Only resources that serve {@code /status} get one.
 *
 * @param <T> the object type
 * @param <L> its list type
 */
public class StatusResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>> extends ResourceClient<T, L> {

    StatusResourceClient(RESTClient client, String resource, boolean namespaced, String namespace,
            Class<T> type, Class<L> listType) {
        super(client, resource, namespaced, namespace, type, listType);
    }

    /** Replaces the status of the object named by {@code obj.metadata.name} ({@code PUT .../status}). */
    public T updateStatus(T obj) {
        return updateStatus(obj, UpdateOptions.empty());
    }

    /** Replaces the status of the object named by {@code obj.metadata.name}, with options. */
    public T updateStatus(T obj, UpdateOptions options) {
        String name = nameOf(obj, "update status of");
        return write(client.put()).name(name).subResource("status").versionedParams(options).body(obj)
                .execute().into(type);
    }

    /** Server-side apply to the {@code status} subresource; see {@link #apply}. */
    public T applyStatus(T applyConfiguration, ApplyOptions options) {
        return applyTo(applyConfiguration, options, type, "status");
    }
}
