package io.kubeclient.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch. */
final class Patches {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Patches() {
    }

    // ---------------------------------------------------------------------------------------------- RFC 6902

    static JsonNode jsonPatch(JsonNode target, JsonNode ops) {
        if (!ops.isArray()) {
            throw ApiError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        JsonNode doc = target;
        for (JsonNode op : ops) {
            String kind = op.path("op").asString("");
            String path = op.path("path").asString(null);
            if (path == null) {
                throw patchError("missing path in operation " + op);
            }
            switch (kind) {
                case "add" -> doc = add(doc, path, required(op, "value"));
                case "remove" -> doc = remove(doc, path);
                case "replace" -> {
                    get(doc, path);
                    doc = add(remove(doc, path), path, required(op, "value"));
                }
                case "move" -> {
                    String from = op.path("from").asString("");
                    JsonNode v = get(doc, from);
                    doc = add(remove(doc, from), path, v);
                }
                case "copy" -> doc = add(doc, path, get(doc, op.path("from").asString("")).deepCopy());
                case "test" -> {
                    if (!get(doc, path).equals(required(op, "value"))) {
                        throw patchError("testing value " + path + " failed: test failed");
                    }
                }
                default -> throw patchError("Unexpected kind: " + kind);
            }
        }
        return doc;
    }

    private static JsonNode required(JsonNode op, String field) {
        if (!op.has(field)) {
            throw patchError("missing " + field + " in operation " + op);
        }
        return op.get(field).deepCopy();
    }

    private static ApiError patchError(String message) {
        return new ApiError(422, "Invalid", message, null);
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw patchError("invalid JSON pointer: " + pointer);
        }
        List<String> out = new ArrayList<>();
        for (String t : pointer.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static JsonNode get(JsonNode doc, String pointer) {
        JsonNode n = doc;
        for (String t : tokens(pointer)) {
            n = child(n, t);
            if (n == null) {
                throw patchError("doc is missing path: \"" + pointer + "\": missing value");
            }
        }
        return n;
    }

    private static JsonNode child(JsonNode n, String t) {
        if (n.isObject()) {
            return n.get(t);
        }
        if (n.isArray()) {
            try {
                int i = Integer.parseInt(t);
                return i >= 0 && i < n.size() ? n.get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode parentOf(JsonNode doc, List<String> ts, String pointer) {
        JsonNode n = doc;
        for (String t : ts.subList(0, ts.size() - 1)) {
            n = child(n, t);
            if (n == null) {
                throw patchError("doc is missing path: \"" + pointer + "\": missing value");
            }
        }
        return n;
    }

    private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
        List<String> ts = tokens(pointer);
        if (ts.isEmpty()) {
            return value;
        }
        JsonNode parent = parentOf(doc, ts, pointer);
        String last = ts.get(ts.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else {
                int i = index(last, a.size(), pointer);
                a.insert(i, value);
            }
        } else {
            throw patchError("doc is missing path: \"" + pointer + "\": missing value");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String pointer) {
        List<String> ts = tokens(pointer);
        if (ts.isEmpty()) {
            return F.nullNode();
        }
        JsonNode parent = parentOf(doc, ts, pointer);
        String last = ts.get(ts.size() - 1);
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(index(last, a.size() - 1, pointer));
        } else {
            throw patchError("Unable to remove nonexistent key: " + last + ": missing value");
        }
        return doc;
    }

    private static int index(String t, int max, String pointer) {
        try {
            int i = Integer.parseInt(t);
            if (i < 0 || i > max) {
                throw patchError("Unable to access invalid index: " + i + ": invalid index referenced");
            }
            return i;
        } catch (NumberFormatException e) {
            throw patchError("Unable to access invalid index: " + t + " in " + pointer);
        }
    }

    // ---------------------------------------------------------------------------------------------- RFC 7386

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode out = target != null && target.isObject() ? (ObjectNode) target : F.objectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), mergePatch(out.get(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- strategic

    /**
     * Strategic merge patch for built-in types: lists with a merge key merge element by element (elements
     * carrying {@code $patch: delete} are removed), {@code metadata.finalizers} merges as a set,
     * {@code $patch: replace|delete} on maps, {@code $setElementOrder/<list>},
     * {@code $deleteFromPrimitiveList/<list>} and {@code $retainKeys} are honoured; other lists are replaced.
     */
    static ObjectNode strategic(ResourceType rt, ObjectNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiError.badRequest("strategic merge patch must be a JSON object");
        }
        JsonNode r = smpMap(rt, target, patch, new ArrayList<>());
        return r instanceof ObjectNode o ? o : F.objectNode();
    }

    private static JsonNode smpMap(ResourceType rt, ObjectNode target, JsonNode patch, List<String> names) {
        String directive = patch.path("$patch").asString("");
        if (directive.equals("delete")) {
            return null;
        }
        if (directive.equals("replace")) {
            return clean(patch);
        }
        ObjectNode out = target == null ? F.objectNode() : target;
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.startsWith("$deleteFromPrimitiveList/")) {
                String list = k.substring("$deleteFromPrimitiveList/".length());
                if (out.get(list) instanceof ArrayNode a) {
                    Set<JsonNode> drop = new LinkedHashSet<>();
                    v.forEach(drop::add);
                    a.removeIf(drop::contains);
                }
                continue;
            }
            if (k.startsWith("$")) {
                continue;
            }
            if (v.isNull()) {
                out.remove(k);
                continue;
            }
            names.add(k);
            JsonNode cur = out.get(k);
            if (v.isObject()) {
                JsonNode merged = smpMap(rt, cur instanceof ObjectNode co ? co : null, v, names);
                if (merged == null) {
                    out.remove(k);
                } else {
                    out.set(k, merged);
                }
            } else if (v.isArray()) {
                JsonNode merged = smpList(rt, cur instanceof ArrayNode ca ? ca : null, (ArrayNode) v, names);
                out.set(k, merged);
            } else {
                out.set(k, v.deepCopy());
            }
            names.remove(names.size() - 1);
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getKey().startsWith("$setElementOrder/") && out.get(e.getKey().substring(17)) instanceof ArrayNode a) {
                names.add(e.getKey().substring(17));
                reorder(a, e.getValue(), MergeKeys.of(rt, names));
                names.remove(names.size() - 1);
            }
        }
        JsonNode retain = patch.get("$retainKeys");
        if (retain != null && retain.isArray()) {
            Set<String> keep = new LinkedHashSet<>();
            retain.forEach(n -> keep.add(n.asString()));
            out.properties().removeIf(en -> !keep.contains(en.getKey()));
        }
        return out;
    }

    private static JsonNode smpList(ResourceType rt, ArrayNode cur, ArrayNode patch, List<String> names) {
        String mk = MergeKeys.of(rt, names);
        if (MergeKeys.isSet(names)) {
            ArrayNode out = cur == null ? F.arrayNode() : cur;
            Set<JsonNode> have = new LinkedHashSet<>();
            out.forEach(have::add);
            for (JsonNode el : patch) {
                if (have.add(el)) {
                    out.add(el.deepCopy());
                }
            }
            return out;
        }
        if (mk == null) {
            return clean(patch);
        }
        for (JsonNode el : patch) {
            if (el.path("$patch").asString("").equals("replace")) {
                ArrayNode out = F.arrayNode();
                for (JsonNode other : patch) {
                    if (!other.has("$patch")) {
                        out.add(clean(other));
                    }
                }
                return out;
            }
        }
        ArrayNode out = cur == null ? F.arrayNode() : cur;
        for (JsonNode el : patch) {
            if (!el.isObject()) {
                throw ApiError.badRequest("strategic merge patch: element of " + String.join(".", names)
                        + " must be an object with merge key " + mk);
            }
            JsonNode key = el.get(mk);
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (key != null && key.equals(out.get(i).get(mk))) {
                    at = i;
                    break;
                }
            }
            if (el.path("$patch").asString("").equals("delete")) {
                if (at >= 0) {
                    out.remove(at);
                }
            } else if (at >= 0) {
                JsonNode merged = smpMap(rt, (ObjectNode) out.get(at), el, names);
                out.set(at, merged);
            } else {
                out.add(clean(el));
            }
        }
        return out;
    }

    private static void reorder(ArrayNode list, JsonNode order, String mk) {
        List<JsonNode> sorted = new ArrayList<>();
        List<JsonNode> rest = new ArrayList<>();
        list.forEach(rest::add);
        for (JsonNode want : order) {
            for (int i = 0; i < rest.size(); i++) {
                JsonNode el = rest.get(i);
                boolean same = mk == null ? el.equals(want) : el.path(mk).equals(want.path(mk));
                if (same) {
                    sorted.add(rest.remove(i));
                    break;
                }
            }
        }
        sorted.addAll(rest);
        list.removeAll();
        sorted.forEach(list::add);
    }

    /** A copy without {@code $}-directives and without null fields. */
    private static JsonNode clean(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = F.objectNode();
            n.properties().forEach(e -> {
                if (!e.getKey().startsWith("$") && !e.getValue().isNull()) {
                    o.set(e.getKey(), clean(e.getValue()));
                }
            });
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(el -> a.add(clean(el)));
            return a;
        }
        return n.deepCopy();
    }
}
