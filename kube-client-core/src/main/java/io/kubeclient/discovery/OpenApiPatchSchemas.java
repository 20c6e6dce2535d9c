package io.kubeclient.discovery;

import io.kubeclient.apimachinery.patch.IncompatibleObjectsException;
import io.kubeclient.apimachinery.patch.MissingPatchSchemaException;
import io.kubeclient.apimachinery.patch.OpenApiV3PatchMeta;
import io.kubeclient.apimachinery.patch.PatchMeta;
import io.kubeclient.apimachinery.patch.StrategicMergePatch;
import io.kubeclient.rest.KubeJson;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strategic-merge-patch schemas read from the server's OpenAPI v3 documents.
 *
 * <p>Each group/version's document ({@code /openapi/v3/api/v1}, {@code /openapi/v3/apis/apps/v1})
 * is fetched at most once per instance and kept, parsed, for the life of the instance. A kind the
 * server publishes no schema for is refused with {@link MissingPatchSchemaException} rather than
 * guessed, as client-go does. Thread safe.
 */
public final class OpenApiPatchSchemas {

    private static final String JSON = "application/json";

    private final DiscoveryInterface discovery;
    private final ConcurrentMap<String, JsonNode> documents = new ConcurrentHashMap<>();

    public OpenApiPatchSchemas(DiscoveryInterface discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    /**
     * The patch schema of {@code kind} in {@code apiVersion} ({@code v1}, {@code apps/v1}).
     *
     * @throws MissingPatchSchemaException when the server publishes no schema for it
     */
    public PatchMeta forKind(String apiVersion, String kind) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        return OpenApiV3PatchMeta.forKind(document(apiVersion), apiVersion, kind);
    }

    /**
     * A strategic merge patch that turns {@code original} into {@code modified}, both of the same
     * apiVersion and kind (typed objects or JSON trees).
     *
     * @throws IncompatibleObjectsException when the two differ in apiVersion or kind, or lack them
     * @throws MissingPatchSchemaException when the server publishes no schema for the kind
     */
    public ObjectNode createStrategicMergePatch(Object original, Object modified) {
        JsonNode a = KubeJson.mapper().valueToTree(Objects.requireNonNull(original, "original"));
        JsonNode b = KubeJson.mapper().valueToTree(Objects.requireNonNull(modified, "modified"));
        String apiVersion = a.path("apiVersion").asString("");
        String kind = a.path("kind").asString("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new IncompatibleObjectsException("the original object has no apiVersion or kind; both are needed to find its patch schema");
        }
        if (!apiVersion.equals(b.path("apiVersion").asString("")) || !kind.equals(b.path("kind").asString(""))) {
            throw new IncompatibleObjectsException("cannot diff a " + kind + " (" + apiVersion + ") against a "
                    + b.path("kind").asString("") + " (" + b.path("apiVersion").asString("") + ")");
        }
        return StrategicMergePatch.create(a, b, forKind(apiVersion, kind));
    }

    /** Forgets the documents read so far, for example after a CRD changed. */
    public void invalidate() {
        documents.clear();
    }

    private JsonNode document(String apiVersion) {
        String path = apiVersion.contains("/") ? "apis/" + apiVersion : "api/" + apiVersion;
        return documents.computeIfAbsent(path, this::fetch);
    }

    private JsonNode fetch(String path) {
        if (!discovery.openAPIV3Paths().containsKey(path)) {
            throw new MissingPatchSchemaException("the server publishes no OpenAPI v3 document for " + path
                    + "; a strategic merge patch needs one (use a JSON merge patch instead)");
        }
        byte[] body = discovery.openAPIV3Schema(path, JSON);
        try {
            return KubeJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new DiscoveryDocumentException("/openapi/v3/" + path, "malformed OpenAPI v3 document: " + e.getOriginalMessage(), e);
        }
    }
}
