package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.RESTClient;

/** The client for {@code core/v1} namespaces, adding {@link #finalize(Namespace, UpdateOptions)}. */
public final class NamespaceClient extends StatusResourceClient<Namespace, NamespaceList> {

    NamespaceClient(RESTClient client) {
        super(client, "namespaces", false, "", Namespace.class, NamespaceList.class);
    }

    /**
     * Replaces the finalizers in {@code spec.finalizers} of the namespace {@code metadata.name} names
     * ({@code PUT /api/v1/namespaces/{name}/finalize}).
     */
    public Namespace finalize(Namespace namespace, UpdateOptions options) {
        String name = nameOf(namespace, "finalize");
        return write(client.put()).name(name).subResource("finalize").versionedParams(options).body(namespace)
                .execute().into(Namespace.class);
    }

    /** {@link #finalize(Namespace, UpdateOptions)} without options. */
    public Namespace finalize(Namespace namespace) {
        return finalize(namespace, UpdateOptions.empty());
    }
}
