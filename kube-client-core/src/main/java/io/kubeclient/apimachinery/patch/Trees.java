package io.kubeclient.apimachinery.patch;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Conversions between model objects and trees, and JSON value equality, shared by the patch helpers. */
final class Trees {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Trees() {}

    /** The object as a tree: a {@link JsonNode} itself, anything else through the mapper. Never mutated. */
    static JsonNode toTree(Object value, String what) {
        Objects.requireNonNull(value, what);
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    /** Converts {@code tree} back to the type of {@code like}, or returns it when {@code like} is a tree. */
    @SuppressWarnings("unchecked")
    static <T> T fromTree(JsonNode tree, T like) {
        if (like instanceof JsonNode) {
            return (T) tree;
        }
        return (T) MAPPER.treeToValue(tree, like.getClass());
    }

    /** Refuses two objects whose {@code kind} or {@code apiVersion} differ. */
    static void requireSameKind(JsonNode original, JsonNode modified) {
        if (!original.isObject() || !modified.isObject()) {
            return;
        }
        for (String field : new String[] {"apiVersion", "kind"}) {
            JsonNode a = original.get(field);
            JsonNode b = modified.get(field);
            if (a != null && b != null && !a.isNull() && !b.isNull() && !jsonEquals(a, b)) {
                throw new IncompatibleObjectsException("cannot compute a patch between objects of different "
                        + field + ": " + a + " and " + b);
            }
        }
    }

    /** JSON value equality: numbers compare by value (1 equals 1.0), objects ignore member order. */
    static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!jsonEquals(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> i = a.values().iterator();
            Iterator<JsonNode> j = b.values().iterator();
            while (i.hasNext()) {
                if (!jsonEquals(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** A string usable as a map key that is equal for {@link #jsonEquals equal} scalars. */
    static String scalarKey(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue();
            return "n:" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        return node.getNodeType() + ":" + node;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }
}
