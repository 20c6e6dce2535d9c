package io.kubeclient.apimachinery.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@link PatchMeta} read from an OpenAPI v3 document as served by the API server at
 * {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/<group>/<version>}.
 *
 * <p>Reads {@code components.schemas}, follows {@code $ref} (also inside {@code allOf}), and takes
 * {@code x-kubernetes-patch-strategy}, {@code x-kubernetes-patch-merge-key},
 * {@code x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys} from each property. The root
 * schema of a kind is the one whose {@code x-kubernetes-group-version-kind} names it. Instances are
 * immutable views of the document, which must not be modified afterwards.
 */
public final class OpenApiV3PatchMeta implements PatchMeta {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final int MAX_DEPTH = 32;

    private final JsonNode schemas;
    private final JsonNode property;
    private final String name;

    private OpenApiV3PatchMeta(JsonNode schemas, JsonNode property, String name) {
        this.schemas = schemas;
        this.property = property;
        this.name = name;
    }

    /**
     * The schema of {@code kind} in {@code apiVersion} ({@code v1}, {@code apps/v1}) in the document.
     *
     * @throws MissingPatchSchemaException when the document has no schema for that kind
     * @throws InvalidPatchException when {@code document} is not an OpenAPI v3 document
     */
    public static OpenApiV3PatchMeta forKind(JsonNode document, String apiVersion, String kind) {
        return find(document, apiVersion, kind).orElseThrow(() -> new MissingPatchSchemaException(
                "the OpenAPI v3 document has no schema for kind " + kind + " in " + apiVersion));
    }

    /** Like {@link #forKind} but empty when the document has no schema for the kind. */
    public static Optional<OpenApiV3PatchMeta> find(JsonNode document, String apiVersion, String kind) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        JsonNode schemas = schemas(document);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        for (Map.Entry<String, JsonNode> e : schemas.properties()) {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind").values()) {
                if (group.equals(gvk.path("group").asString("")) && version.equals(gvk.path("version").asString(""))
                        && kind.equals(gvk.path("kind").asString(""))) {
                    return Optional.of(new OpenApiV3PatchMeta(schemas, e.getValue(), e.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The schema named {@code schemaName} in {@code components.schemas}, e.g.
     * {@code io.k8s.api.core.v1.PodSpec}.
     *
     * @throws MissingPatchSchemaException when there is no such schema
     */
    public static OpenApiV3PatchMeta forSchema(JsonNode document, String schemaName) {
        JsonNode schemas = schemas(document);
        JsonNode schema = schemas.get(schemaName);
        if (schema == null || !schema.isObject()) {
            throw new MissingPatchSchemaException("the OpenAPI v3 document has no schema " + schemaName);
        }
        return new OpenApiV3PatchMeta(schemas, schema, schemaName);
    }

    private static JsonNode schemas(JsonNode document) {
        Objects.requireNonNull(document, "document");
        JsonNode schemas = document.path("components").path("schemas");
        if (!schemas.isObject()) {
            throw new InvalidPatchException("not an OpenAPI v3 document: it has no components.schemas object");
        }
        return schemas;
    }

    @Override
    public PatchMeta field(String fieldName) {
        List<JsonNode> type = members(property);
        for (JsonNode member : type) {
            JsonNode items = member.get("items");
            if (items != null && items.isObject()) {
                type = members(items);
                break;
            }
        }
        for (JsonNode member : type) {
            JsonNode child = member.path("properties").get(fieldName);
            if (child != null && child.isObject()) {
                return new OpenApiV3PatchMeta(schemas, child, name + "." + fieldName);
            }
        }
        for (JsonNode member : type) {
            JsonNode values = member.get("additionalProperties");
            if (values != null && values.isObject()) {
                return new OpenApiV3PatchMeta(schemas, values, name + "." + fieldName);
            }
        }
        return PatchMeta.none();
    }

    @Override
    public List<String> patchStrategies() {
        return extension("x-kubernetes-patch-strategy")
                .filter(JsonNode::isString)
                .map(v -> List.of(v.stringValue().split(",")))
                .orElse(List.of());
    }

    @Override
    public Optional<String> patchMergeKey() {
        return extension("x-kubernetes-patch-merge-key").filter(JsonNode::isString).map(JsonNode::stringValue);
    }

    @Override
    public Optional<String> listType() {
        return extension("x-kubernetes-list-type").filter(JsonNode::isString).map(JsonNode::stringValue);
    }

    @Override
    public List<String> listMapKeys() {
        List<String> keys = new ArrayList<>();
        extension("x-kubernetes-list-map-keys").ifPresent(v -> v.values().forEach(k -> keys.add(k.asString())));
        return List.copyOf(keys);
    }

    /** Where this schema is, e.g. {@code io.k8s.api.core.v1.Pod.spec.containers}. */
    @Override
    public String toString() {
        return name;
    }

    private Optional<JsonNode> extension(String key) {
        for (JsonNode member : members(property)) {
            JsonNode value = member.get(key);
            if (value != null && !value.isNull()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The schema itself followed by everything it refers to through {@code $ref} and {@code allOf}. */
    private List<JsonNode> members(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>();
        collect(schema, out, 0);
        return out;
    }

    private void collect(JsonNode schema, List<JsonNode> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidPatchException("OpenAPI v3 schema " + name + ": $ref/allOf nested deeper than "
                    + MAX_DEPTH);
        }
        out.add(schema);
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString()) {
            collect(resolve(ref.stringValue()), out, depth + 1);
        }
        for (JsonNode part : schema.path("allOf").values()) {
            if (part.isObject()) {
                collect(part, out, depth + 1);
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith(REF_PREFIX)) {
            throw new InvalidPatchException("OpenAPI v3 schema " + name + ": unsupported $ref " + ref);
        }
        String target = ref.substring(REF_PREFIX.length()).replace("~1", "/").replace("~0", "~");
        JsonNode schema = schemas.get(target);
        if (schema == null || !schema.isObject()) {
            throw new InvalidPatchException("OpenAPI v3 schema " + name + ": unresolvable $ref " + ref);
        }
        return schema;
    }
}
