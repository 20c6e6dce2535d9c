package io.kubeclient.apimachinery.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON patches (RFC 6902, {@code application/json-patch+json}): computes an operation list turning one
 * document into another and applies operation lists locally.
 *
 * <p>Paths are JSON Pointers (RFC 6901) with {@code ~0} for {@code ~} and {@code ~1} for {@code /}.
 * Every method accepts {@link JsonNode} trees or model objects; inputs are never modified.
 */
public final class JsonPatch {

    private JsonPatch() {}

    /**
     * The operations ({@code add}, {@code remove}, {@code replace}) that turn {@code original} into
     * {@code modified}; an empty array when they are equal. Arrays are diffed element by element after
     * their common head and tail, so inserting or removing one element yields one operation.
     *
     * @throws IncompatibleObjectsException when the objects differ in {@code kind} or {@code apiVersion}
     */
    public static ArrayNode create(Object original, Object modified) {
        JsonNode a = Trees.toTree(original, "original");
        JsonNode b = Trees.toTree(modified, "modified");
        Trees.requireSameKind(a, b);
        ArrayNode ops = Trees.NODES.arrayNode();
        diff(a, b, "", ops);
        return ops;
    }

    /**
     * Applies the operations in order ({@code add}, {@code remove}, {@code replace}, {@code move},
     * {@code copy}, {@code test}) and returns the result, of the same type as {@code target}. Nothing
     * is applied if any operation fails.
     *
     * @throws InvalidPatchException when the patch is not an array of well-formed operations
     * @throws PatchTestFailedException when a {@code test} operation fails
     * @throws PatchApplyException when an operation names a location that does not exist
     */
    public static <T> T apply(T target, JsonNode patch) {
        JsonNode doc = Trees.toTree(target, "target").deepCopy();
        if (patch == null || !patch.isArray()) {
            throw new InvalidPatchException("JSON patch must be an array of operations, got "
                    + (patch == null ? "null" : patch.getNodeType()));
        }
        int index = 0;
        for (JsonNode op : patch.values()) {
            doc = applyOne(doc, op, index++);
        }
        return Trees.fromTree(doc, target);
    }

    /** Escapes one reference token of a JSON Pointer ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    // ---- diff ----

    private static void diff(JsonNode a, JsonNode b, String path, ArrayNode ops) {
        if (Trees.jsonEquals(a, b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!b.has(e.getKey())) {
                    ops.add(op("remove", path + "/" + escape(e.getKey())));
                }
            }
            for (Map.Entry<String, JsonNode> e : b.properties()) {
                String child = path + "/" + escape(e.getKey());
                JsonNode old = a.get(e.getKey());
                if (old == null) {
                    ops.add(op("add", child).set("value", e.getValue().deepCopy()));
                } else {
                    diff(old, e.getValue(), child, ops);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            diffArrays(a, b, path, ops);
        } else {
            ops.add(op("replace", path).set("value", b.deepCopy()));
        }
    }

    private static void diffArrays(JsonNode a, JsonNode b, String path, ArrayNode ops) {
        int n = a.size();
        int m = b.size();
        int head = 0;
        while (head < n && head < m && Trees.jsonEquals(a.get(head), b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && Trees.jsonEquals(a.get(n - 1 - tail), b.get(m - 1 - tail))) {
            tail++;
        }
        int oldMiddle = n - head - tail;
        int newMiddle = m - head - tail;
        int common = Math.min(oldMiddle, newMiddle);
        for (int i = 0; i < common; i++) {
            diff(a.get(head + i), b.get(head + i), path + "/" + (head + i), ops);
        }
        for (int i = common; i < newMiddle; i++) {
            ops.add(op("add", path + "/" + (head + i)).set("value", b.get(head + i).deepCopy()));
        }
        for (int i = common; i < oldMiddle; i++) {
            ops.add(op("remove", path + "/" + (head + common)));
        }
    }

    private static ObjectNode op(String name, String path) {
        ObjectNode op = Trees.object();
        op.put("op", name);
        op.put("path", path);
        return op;
    }

    // ---- apply ----

    private static JsonNode applyOne(JsonNode doc, JsonNode op, int index) {
        if (op == null || !op.isObject()) {
            throw new InvalidPatchException("JSON patch operation " + index + " is not an object");
        }
        String name = requiredString(op, "op", index);
        String pathText = requiredString(op, "path", index);
        List<String> path = parsePointer(pathText, index);
        String where = "operation " + index + " (" + name + " " + pathText + ")";
        switch (name) {
            case "add":
                return add(doc, path, requiredValue(op, index).deepCopy(), where);
            case "remove":
                return remove(doc, path, where);
            case "replace":
                JsonNode replacement = requiredValue(op, index).deepCopy();
                return add(remove(doc, path, where), path, replacement, where);
            case "move": {
                String fromText = requiredString(op, "from", index);
                List<String> from = parsePointer(fromText, index);
                if (from.size() < path.size() && path.subList(0, from.size()).equals(from)) {
                    throw new InvalidPatchException("JSON patch " + where + ": cannot move " + fromText
                            + " into one of its own children");
                }
                JsonNode value = get(doc, from, where);
                return add(remove(doc, from, where), path, value, where);
            }
            case "copy": {
                List<String> from = parsePointer(requiredString(op, "from", index), index);
                return add(doc, path, get(doc, from, where).deepCopy(), where);
            }
            case "test": {
                JsonNode expected = requiredValue(op, index);
                JsonNode actual = get(doc, path, where);
                if (!Trees.jsonEquals(expected, actual)) {
                    throw new PatchTestFailedException("JSON patch " + where + " failed: expected " + expected
                            + " but found " + actual);
                }
                return doc;
            }
            default:
                throw new InvalidPatchException("JSON patch operation " + index + " has unknown op \"" + name
                        + "\"");
        }
    }

    private static String requiredString(JsonNode op, String field, int index) {
        JsonNode value = op.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidPatchException("JSON patch operation " + index + " lacks a string \"" + field + "\"");
        }
        return value.stringValue();
    }

    private static JsonNode requiredValue(JsonNode op, int index) {
        JsonNode value = op.get("value");
        if (value == null) {
            throw new InvalidPatchException("JSON patch operation " + index + " lacks \"value\"");
        }
        return value;
    }

    /** Splits and unescapes a JSON Pointer; the empty pointer is the whole document. */
    static List<String> parsePointer(String pointer, int index) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (pointer.charAt(0) != '/') {
            throw new InvalidPatchException("JSON patch operation " + index + ": path \"" + pointer
                    + "\" must be empty or start with /");
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            StringBuilder token = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '~') {
                    token.append(c);
                } else if (i + 1 < raw.length() && (raw.charAt(i + 1) == '0' || raw.charAt(i + 1) == '1')) {
                    token.append(raw.charAt(++i) == '0' ? '~' : '/');
                } else {
                    throw new InvalidPatchException("JSON patch operation " + index + ": path \"" + pointer
                            + "\" has ~ not followed by 0 or 1");
                }
            }
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static JsonNode get(JsonNode doc, List<String> path, String where) {
        JsonNode node = doc;
        for (int i = 0; i < path.size(); i++) {
            node = child(node, path.get(i), path, i, where);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token, List<String> path, int depth, String where) {
        JsonNode next = null;
        if (node.isObject()) {
            next = node.get(token);
        } else if (node.isArray()) {
            int i = arrayIndex(token, where);
            next = i >= 0 && i < node.size() ? node.get(i) : null;
        }
        if (next == null) {
            throw new PatchApplyException("JSON patch " + where + ": no value at " + pointer(path, depth + 1));
        }
        return next;
    }

    private static JsonNode add(JsonNode doc, List<String> path, JsonNode value, String where) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int i = last.equals("-") ? array.size() : arrayIndex(last, where);
            if (i < 0 || i > array.size()) {
                throw new PatchApplyException("JSON patch " + where + ": index " + last + " is out of bounds for "
                        + pointer(path, path.size() - 1) + " of size " + array.size());
            }
            array.insert(i, value);
        } else {
            throw new PatchApplyException("JSON patch " + where + ": " + pointer(path, path.size() - 1)
                    + " is not an object or array");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, List<String> path, String where) {
        if (path.isEmpty()) {
            return Trees.NODES.nullNode();
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        child(parent, last, path, path.size() - 1, where);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else {
            ((ArrayNode) parent).remove(arrayIndex(last, where));
        }
        return doc;
    }

    /** An array index token: {@code 0} or digits without a leading zero; {@code -1} for anything else. */
    private static int arrayIndex(String token, String where) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return invalidIndex(token, where);
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return invalidIndex(token, where);
            }
        }
        return Integer.parseInt(token);
    }

    private static int invalidIndex(String token, String where) {
        throw new PatchApplyException("JSON patch " + where + ": \"" + token + "\" is not a valid array index");
    }

    private static String pointer(List<String> path, int length) {
        StringBuilder s = new StringBuilder();
        for (String token : path.subList(0, length)) {
            s.append('/').append(escape(token));
        }
        return s.length() == 0 ? "(document root)" : s.toString();
    }
}
