package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RESTClient;
import java.util.Objects;

/**
 * The client for a review API that only accepts {@code create}, such as {@code TokenReview} or
 * {@code SubjectAccessReview}: the server evaluates the request and answers with its {@code status}
 * filled in, storing nothing.
 *
 * @param <T> the review type
 */
public final class CreateOnlyClient<T extends KubernetesResource> {

    private final RESTClient client;
    private final String resource;
    private final boolean namespaced;
    private final String namespace;
    private final Class<T> type;

    CreateOnlyClient(RESTClient client, String resource, boolean namespaced, String namespace, Class<T> type) {
        this.client = Objects.requireNonNull(client, "client");
        this.resource = resource;
        this.namespaced = namespaced;
        this.namespace = namespaced ? Names.checkNamespace(namespace) : "";
        this.type = type;
    }

    /** Submits the review and returns the server's answer. */
    public T create(T review) {
        return create(review, CreateOptions.empty());
    }

    /** Submits the review with options (such as dry run) and returns the server's answer. */
    public T create(T review, CreateOptions options) {
        if (review == null) {
            throw new InvalidRequestException("object provided to create " + resource + " must not be null");
        }
        if (namespaced && namespace.isEmpty()) {
            throw new InvalidRequestException("a namespace is required to create " + resource);
        }
        return client.post().namespaceIfScoped(namespace, namespaced).resource(resource).versionedParams(options)
                .body(review).execute().into(type);
    }

    /** The REST client for this API's group/version. */
    public RESTClient restClient() {
        return client;
    }

    String resource() {
        return resource;
    }

    boolean isNamespaced() {
        return namespaced;
    }

    Class<T> type() {
        return type;
    }
}
