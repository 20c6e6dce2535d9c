package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.GetOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.Request;
import io.kubeclient.rest.Result;
import io.kubeclient.watch.Watch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The typed client for one resource in one namespace (or cluster-wide): client-go's generated
 * {@code PodInterface}, {@code DeploymentInterface} and so on, written once for every fabric8 model.
 *
 * <p>Get one from a group client, such as {@code clientset.appsV1().deployments("default")}. A
 * namespaced resource with namespace {@code ""} lists and watches across all namespaces; every other
 * verb then fails with {@link InvalidRequestException} before anything is sent, as do invalid names.
 * Server errors are thrown as {@link io.kubeclient.apimachinery.errors.StatusException}.
 * Immutable and thread safe.
 *
 * @param <T> the object type, such as {@code Deployment}
 * @param <L> its list type, such as {@code DeploymentList}
 */
public class ResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>> {

    /** client-go's pager default page size. */
    static final long DEFAULT_PAGE_SIZE = 500;

    final RESTClient client;
    final String resource;
    final boolean namespaced;
    final String namespace;
    final Class<T> type;
    final Class<L> listType;

    ResourceClient(RESTClient client, String resource, boolean namespaced, String namespace,
            Class<T> type, Class<L> listType) {
        this.client = Objects.requireNonNull(client, "client");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.namespaced = namespaced;
        this.namespace = namespaced ? Names.checkNamespace(namespace) : "";
        this.type = Objects.requireNonNull(type, "type");
        this.listType = Objects.requireNonNull(listType, "listType");
    }

    /** The group, version and plural resource name this client talks to. */
    public GroupVersionResource groupVersionResource() {
        GroupVersion gv = client.apiVersion();
        return GroupVersionResource.of(gv.group(), gv.version(), resource);
    }

    /** Whether requests carry a namespace. */
    public boolean isNamespaced() {
        return namespaced;
    }

    /** The namespace, {@code ""} for all namespaces or a cluster-scoped resource. */
    public String namespace() {
        return namespace;
    }

    /** The REST client for this resource's group/version, for requests the typed verbs do not cover. */
    public RESTClient restClient() {
        return client;
    }

    // ------------------------------------------------------------------------------ verbs

    /** Creates {@code obj}, returning the object the server stored. */
    public T create(T obj) {
        return create(obj, CreateOptions.empty());
    }

    /** Creates {@code obj} with options such as dry run or a field manager. */
    public T create(T obj, CreateOptions options) {
        requireObject(obj, "create");
        return write(client.post()).versionedParams(options).body(obj).execute().into(type);
    }

    /** Replaces the object named by {@code obj.metadata.name}. */
    public T update(T obj) {
        return update(obj, UpdateOptions.empty());
    }

    /** Replaces the object named by {@code obj.metadata.name}, with options. */
    public T update(T obj, UpdateOptions options) {
        String name = nameOf(obj, "update");
        return write(client.put()).name(name).versionedParams(options).body(obj).execute().into(type);
    }

    /** Deletes the named object with the server's default options. */
    public void delete(String name) {
        delete(name, DeleteOptions.empty());
    }

    /** Deletes the named object; the options travel as the JSON body, as client-go sends them. */
    public void delete(String name, DeleteOptions options) {
        Objects.requireNonNull(options, "options");
        Names.checkName(name, resource);
        check(write(client.delete()).name(name).body(options).execute());
    }

    /**
     * Deletes every object the list options select, in this client's namespace. A null
     * {@code listOptions} is rejected rather than read as "select everything": pass
     * {@link ListOptions#empty()} to mean that.
     */
    public void deleteCollection(DeleteOptions options, ListOptions listOptions) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listOptions, "listOptions");
        check(write(client.delete()).versionedParams(listOptions).body(options).execute());
    }

    /** Reads the named object. */
    public T get(String name) {
        return get(name, GetOptions.empty());
    }

    /** Reads the named object, for example at a resource version. */
    public T get(String name, GetOptions options) {
        Names.checkName(name, resource);
        return write(client.get()).name(name).versionedParams(options).execute(type);
    }

    /** Lists every object (one request; see {@link #listAll} for paging). */
    public L list() {
        return list(ListOptions.empty());
    }

    /** Lists the objects the options select. */
    public L list(ListOptions options) {
        return read(client.get()).versionedParams(options).execute(listType);
    }

    /** Watches every object from now. */
    public Watch<T> watch() {
        return watch(ListOptions.empty());
    }

    /** Watches the objects the options select; {@code watch=true} is added. Close the watch when done. */
    public Watch<T> watch(ListOptions options) {
        return read(client.get()).versionedParams(options).watch(type);
    }

    /**
     * Every object the options select, fetched lazily page by page with {@code limit} and
     * {@code continue} (500 per page unless the options set a limit).
     *
     * @throws PaginationExpiredException while streaming, when the server no longer holds the
     *     snapshot a continue token refers to (HTTP 410); list again from the start
     */
    public Stream<T> listAll(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return new Pager<>(this, options).stream();
    }

    /** {@link #listAll(ListOptions)} of every object. */
    public Stream<T> listAll() {
        return listAll(ListOptions.empty());
    }

    /** Patches the named object (or one of its subresources) with a patch body of the given type. */
    public T patch(String name, PatchType patchType, byte[] data, PatchOptions options, String... subresources) {
        Objects.requireNonNull(patchType, "patchType");
        Objects.requireNonNull(data, "data");
        Names.checkName(name, resource);
        return write(client.patch(patchType)).name(name).subResource(subresources).versionedParams(options)
                .body(data).execute().into(type);
    }

    /** {@link #patch(String, PatchType, byte[], PatchOptions, String...)} with a UTF-8 text body. */
    public T patch(String name, PatchType patchType, String data, PatchOptions options, String... subresources) {
        Objects.requireNonNull(data, "data");
        return patch(name, patchType, data.getBytes(StandardCharsets.UTF_8), options, subresources);
    }

    /** {@link #patch(String, PatchType, String, PatchOptions, String...)} with no options. */
    public T patch(String name, PatchType patchType, String data) {
        return patch(name, patchType, data, PatchOptions.empty());
    }

    /**
     * Server-side apply: sends the apply configuration, an object holding only the fields this
     * manager owns, as {@code application/apply-patch+yaml} (JSON is YAML) to the object its
     * {@code metadata.name} names. Unset fields, {@code null}s and empty lists and maps are left out.
     *
     * @throws InvalidRequestException when the configuration, its name or the field manager is missing
     */
    public T apply(T applyConfiguration, ApplyOptions options) {
        return applyTo(applyConfiguration, options, type);
    }

    <R> R applyTo(HasMetadata applyConfiguration, ApplyOptions options, Class<R> resultType, String... subresources) {
        if (applyConfiguration == null) {
            throw new InvalidRequestException("object provided to apply must not be null");
        }
        if (options == null || options.fieldManager().isEmpty()) {
            throw new InvalidRequestException("a fieldManager is required to apply " + resource
                    + "; pass ApplyOptions.of(\"my-manager\")");
        }
        String name = applyConfiguration.getMetadata() == null ? null : applyConfiguration.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("metadata.name must be provided to apply " + resource);
        }
        Names.checkName(name, resource);
        return write(client.patch(PatchType.APPLY)).name(name).subResource(subresources).versionedParams(options)
                .body(ApplyJson.encode(applyConfiguration)).execute().into(resultType);
    }

    // ------------------------------------------------------------------------------ helpers

    /** A request to a name-less path that may span namespaces: list, watch. */
    Request read(Request request) {
        return request.namespaceIfScoped(namespace, namespaced).resource(resource);
    }

    /** A request that must name a namespace when the resource is namespaced. */
    Request write(Request request) {
        if (namespaced && namespace.isEmpty()) {
            throw new InvalidRequestException("a namespace is required to " + request.verb() + " " + resource
                    + "; this client was created for all namespaces (\"\"), which only list and watch support");
        }
        return read(request);
    }

    /** The URL a list request goes to, for tests. */
    URI listUrl() {
        return read(client.get()).url();
    }

    /** Throws the server's error, if any, for calls whose body is not read. */
    static void check(Result result) {
        if (result.error() != null) {
            throw result.error();
        }
    }

    void requireObject(Object obj, String verb) {
        if (obj == null) {
            throw new InvalidRequestException("object provided to " + verb + " " + resource + " must not be null");
        }
    }

    String nameOf(HasMetadata obj, String verb) {
        requireObject(obj, verb);
        String name = obj.getMetadata() == null ? null : obj.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("metadata.name must be provided to " + verb + " " + resource);
        }
        return Names.checkName(name, resource);
    }

    @Override
    public String toString() {
        GroupVersionResource gvr = groupVersionResource();
        return getClass().getSimpleName() + "[" + gvr + (namespaced ? ", namespace=\"" + namespace + "\"" : "") + "]";
    }
}
