package io.kubeclient.apimachinery.managedfields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the apply configuration a field manager owns in an object read from the server, like
 * client-go's {@code Extract<Kind>} functions: modify it and apply it again to change only your fields.
 *
 * <p>Uses the first {@code metadata.managedFields} entry of the manager with operation {@code Apply}
 * and the given subresource, and keeps the leaves of its {@code fieldsV1} set: {@code f:<name>} fields,
 * {@code k:{...}} list items whose key fields match, {@code v:<json>} set values and {@code i:<n>}
 * indices ({@code .} marks a node itself). A leaf holding a map or list is kept whole. The result
 * always has {@code apiVersion}, {@code kind}, {@code metadata.name} and {@code metadata.namespace};
 * a manager without an {@code Apply} entry gets only those. Fields another manager took over are gone.
 *
 * <p>The object must be unmodified as read from the server and be a root resource: subresource
 * objects such as {@code Scale} carry no managed fields. Inputs are never modified.
 */
public final class Extract {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Extract() {}

    /**
     * The fields {@code fieldManager} owns through apply on the main resource.
     *
     * @param object a {@link JsonNode}, a fabric8 typed object or a {@code GenericKubernetesResource}
     * @return an object of the same type as {@code object}
     */
    public static <T> T extract(T object, String fieldManager) {
        return extract(object, fieldManager, "");
    }

    /**
     * The fields {@code fieldManager} owns through apply on {@code subresource} (e.g. {@code "status"};
     * empty for the main resource).
     *
     * @return an object of the same type as {@code object}
     * @throws IllegalArgumentException when {@code fieldManager} is empty
     * @throws InvalidManagedFieldsException when the manager's entry has a malformed {@code fieldsV1}
     */
    @SuppressWarnings("unchecked")
    public static <T> T extract(T object, String fieldManager, String subresource) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(fieldManager, "fieldManager");
        if (fieldManager.isEmpty()) {
            throw new IllegalArgumentException("fieldManager must not be empty");
        }
        String sub = subresource == null ? "" : subresource;
        JsonNode tree = object instanceof JsonNode node ? node : MAPPER.valueToTree(object);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("Extract needs a JSON object, got " + tree.getNodeType());
        }
        ObjectNode result = identity(tree);
        JsonNode fields = findEntry(tree, fieldManager, sub);
        if (fields != null) {
            ObjectNode owned = extractObject(tree, fields, "");
            owned.remove("apiVersion");
            owned.remove("kind");
            JsonNode metadata = owned.remove("metadata");
            if (metadata != null && metadata.isObject()) {
                ObjectNode resultMetadata = (ObjectNode) result.get("metadata");
                for (Map.Entry<String, JsonNode> e : metadata.properties()) {
                    if (!resultMetadata.has(e.getKey())) {
                        resultMetadata.set(e.getKey(), e.getValue());
                    }
                }
            }
            result.setAll(owned);
        }
        if (object instanceof JsonNode) {
            return (T) result;
        }
        return (T) MAPPER.treeToValue(result, object.getClass());
    }

    private static ObjectNode identity(JsonNode tree) {
        ObjectNode result = NODES.objectNode();
        copyIfPresent(tree, result, "apiVersion");
        copyIfPresent(tree, result, "kind");
        ObjectNode metadata = result.putObject("metadata");
        copyIfPresent(tree.path("metadata"), metadata, "name");
        copyIfPresent(tree.path("metadata"), metadata, "namespace");
        return result;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }

    private static JsonNode findEntry(JsonNode tree, String fieldManager, String subresource) {
        for (JsonNode entry : tree.path("metadata").path("managedFields").values()) {
            if (fieldManager.equals(entry.path("manager").asString(""))
                    && "Apply".equals(entry.path("operation").asString(""))
                    && subresource.equals(entry.path("subresource").asString(""))) {
                JsonNode fields = entry.get("fieldsV1");
                if (fields == null || fields.isNull()) {
                    return NODES.objectNode();
                }
                if (!fields.isObject()) {
                    throw new InvalidManagedFieldsException("managedFields entry of manager " + fieldManager
                            + " has a fieldsV1 that is not a JSON object");
                }
                return fields;
            }
        }
        return null;
    }

    /** True when a set node has no children apart from the {@code .} marker, i.e. its path is a leaf. */
    private static boolean isLeaf(JsonNode set) {
        for (String key : set.propertyNames()) {
            if (!key.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode extractObject(JsonNode live, JsonNode set, String path) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : set.properties()) {
            String key = e.getKey();
            if (key.equals(".")) {
                continue;
            }
            if (!key.startsWith("f:")) {
                throw new InvalidManagedFieldsException("fieldsV1 element " + key + " at " + orRoot(path)
                        + " is not a field (f:) although the value there is an object");
            }
            String name = key.substring(2);
            JsonNode value = live.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode extracted = extractValue(value, children(e.getValue(), path + "." + name), path + "." + name);
            if (extracted != null) {
                out.set(name, extracted);
            }
        }
        return out;
    }

    private static JsonNode children(JsonNode set, String path) {
        if (!set.isObject()) {
            throw new InvalidManagedFieldsException("fieldsV1 at " + path + " must be a JSON object");
        }
        return set;
    }

    /** The owned part of {@code value}, or null if nothing of it is owned. */
    private static JsonNode extractValue(JsonNode value, JsonNode set, String path) {
        if (isLeaf(set)) {
            return value.deepCopy();
        }
        if (value.isObject()) {
            ObjectNode out = extractObject(value, set, path);
            return out.isEmpty() ? null : out;
        }
        if (value.isArray()) {
            return extractList(value, set, path);
        }
        return value.deepCopy();
    }

    private static JsonNode extractList(JsonNode live, JsonNode set, String path) {
        List<Matcher> matchers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : set.properties()) {
            if (!e.getKey().equals(".")) {
                matchers.add(Matcher.parse(e.getKey(), children(e.getValue(), path), path));
            }
        }
        ArrayNode out = NODES.arrayNode();
        int index = 0;
        for (JsonNode item : live.values()) {
            for (Matcher matcher : matchers) {
                if (matcher.matches(item, index)) {
                    JsonNode extracted = extractValue(item, matcher.children, path + "[" + matcher.element + "]");
                    if (extracted != null) {
                        out.add(extracted);
                    }
                    break;
                }
            }
            index++;
        }
        return out.isEmpty() ? null : out;
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "the root" : path;
    }

    /** One list element of a field set: {@code k:{...}}, {@code v:<json>} or {@code i:<n>}. */
    private record Matcher(String element, char type, JsonNode value, int index, JsonNode children) {

        static Matcher parse(String element, JsonNode children, String path) {
            if (element.length() < 2 || element.charAt(1) != ':') {
                throw new InvalidManagedFieldsException("fieldsV1 element " + element + " at " + path
                        + " is not of the form <type>:<value>");
            }
            char type = element.charAt(0);
            String rest = element.substring(2);
            switch (type) {
                case 'k':
                case 'v':
                    JsonNode value;
                    try {
                        value = MAPPER.readTree(rest);
                    } catch (JacksonException e) {
                        throw new InvalidManagedFieldsException("fieldsV1 element " + element + " at " + path
                                + " does not hold valid JSON");
                    }
                    if (type == 'k' && !value.isObject()) {
                        throw new InvalidManagedFieldsException("fieldsV1 key element " + element + " at " + path
                                + " must hold a JSON object");
                    }
                    return new Matcher(element, type, value, -1, children);
                case 'i':
                    try {
                        return new Matcher(element, type, null, Integer.parseInt(rest), children);
                    } catch (NumberFormatException e) {
                        throw new InvalidManagedFieldsException("fieldsV1 index element " + element + " at " + path
                                + " is not a number");
                    }
                case 'f':
                    throw new InvalidManagedFieldsException("fieldsV1 element " + element + " at " + path
                            + " is a field although the value there is a list");
                default:
                    throw new InvalidManagedFieldsException("fieldsV1 element " + element + " at " + path
                            + " has unknown type '" + type + "'");
            }
        }

        boolean matches(JsonNode item, int position) {
            switch (type) {
                case 'k':
                    if (!item.isObject()) {
                        return false;
                    }
                    for (Map.Entry<String, JsonNode> key : value.properties()) {
                        if (!same(key.getValue(), item.get(key.getKey()))) {
                            return false;
                        }
                    }
                    return true;
                case 'v':
                    return same(value, item);
                default:
                    return position == index;
            }
        }

        private static boolean same(JsonNode a, JsonNode b) {
            if (a == null || b == null) {
                return false;
            }
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            }
            return a.equals(b);
        }
    }
}
