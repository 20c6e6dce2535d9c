package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.RESTClient;
import java.io.InputStream;
import java.util.Objects;

/** The client for {@code core/v1} pods: the common verbs plus logs, eviction, binding and the pod subresources. */
public final class PodClient extends StatusResourceClient<Pod, PodList> {

    PodClient(RESTClient client, String namespace) {
        super(client, "pods", true, namespace, Pod.class, PodList.class);
    }

    /**
     * Opens the named pod's log ({@code GET .../pods/{name}/log}); with {@code follow} the stream stays
     * open as the container writes. Close the stream to end the request.
     */
    public InputStream getLogs(String name, PodLogOptions options) {
        Objects.requireNonNull(options, "options");
        Names.checkName(name, resource);
        return write(client.get()).name(name).subResource("log").versionedParams(options).stream();
    }

    /** The named pod's whole log. */
    public InputStream getLogs(String name) {
        return getLogs(name, PodLogOptions.empty());
    }

    /**
     * Asks to evict the pod that {@code eviction.metadata.name} names, honouring disruption budgets
     * ({@code POST .../pods/{name}/eviction} with a {@code policy/v1} Eviction). A budget that forbids
     * it answers 429.
     */
    public void evict(Eviction eviction) {
        String name = nameOf(eviction, "evict");
        check(write(client.post()).name(name).subResource("eviction").body(eviction).execute());
    }

    /** Binds the pod that {@code binding.metadata.name} names to {@code binding.target}, as a scheduler does. */
    public void bind(Binding binding) {
        bind(binding, CreateOptions.empty());
    }

    /** {@link #bind(Binding)} with options. */
    public void bind(Binding binding, CreateOptions options) {
        String name = nameOf(binding, "bind");
        check(write(client.post()).name(name).subResource("binding").versionedParams(options).body(binding).execute());
    }

    /** Replaces the pod's ephemeral containers ({@code PUT .../pods/{name}/ephemeralcontainers}), to add a debug container. */
    public Pod updateEphemeralContainers(String name, Pod pod, UpdateOptions options) {
        return updateSubresource(name, pod, options, "ephemeralcontainers");
    }

    /** Changes the pod's container resources in place ({@code PUT .../pods/{name}/resize}). */
    public Pod updateResize(String name, Pod pod, UpdateOptions options) {
        return updateSubresource(name, pod, options, "resize");
    }

    private Pod updateSubresource(String name, Pod pod, UpdateOptions options, String subresource) {
        Names.checkName(name, resource);
        requireObject(pod, "update " + subresource + " of");
        return write(client.put()).name(name).subResource(subresource).versionedParams(options).body(pod)
                .execute().into(Pod.class);
    }
}
