package io.kubeclient.apimachinery.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strategic merge patches ({@code application/strategic-merge-patch+json}), the Kubernetes extension of
 * JSON merge patches for built-in types: computes them from two objects and applies them locally.
 *
 * <p>Maps are merged recursively. Lists whose field has patch strategy {@code merge} are merged: lists
 * of objects by their merge key (removed items become {@code {"<key>": v, "$patch": "delete"}}),
 * lists of scalars as sets (removed values go to {@code $deleteFromPrimitiveList/<field>}); the order
 * of the new list is sent as {@code $setElementOrder/<field>}. Other lists are replaced. Fields with
 * strategy {@code replace} are replaced whole, those with {@code retainKeys} carry a {@code $retainKeys}
 * list. {@code $patch: replace} and {@code $patch: delete} are honoured when applying.
 *
 * <p>The strategies come from a {@link PatchMeta} schema, usually {@link OpenApiV3PatchMeta} built from
 * the server's OpenAPI v3 document. Without a schema the helpers refuse rather than guess: custom
 * resources have none (the server answers 415), use {@link MergePatch} or server-side apply instead.
 * Inputs are {@link JsonNode} trees or model objects, and are never modified.
 */
public final class StrategicMergePatch {

    static final String PATCH = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder/";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {}

    /**
     * The strategic merge patch turning {@code original} into {@code modified}; an empty object when they
     * are equal.
     *
     * @param schema the schema of the objects' kind, e.g. {@code OpenApiV3PatchMeta.forKind(doc, "v1", "Pod")}
     * @throws MissingPatchSchemaException when {@code schema} is null
     * @throws IncompatibleObjectsException when the objects differ in {@code kind} or {@code apiVersion}
     * @throws InvalidPatchException when the objects do not fit the schema (e.g. a merged list item lacks
     *     its merge key)
     */
    public static ObjectNode create(Object original, Object modified, PatchMeta schema) {
        JsonNode a = Trees.toTree(original, "original");
        JsonNode b = Trees.toTree(modified, "modified");
        Trees.requireSameKind(a, b);
        requireSchema(schema, b);
        return new Diff().maps(requireObject(a, "original"), requireObject(b, "modified"), schema, false, "");
    }

    /**
     * Applies a strategic merge patch to {@code original} and returns the result, of the same type as
     * {@code original}.
     *
     * @throws MissingPatchSchemaException when {@code schema} is null
     * @throws InvalidPatchException when the patch or its directives are malformed
     */
    public static <T> T apply(T original, JsonNode patch, PatchMeta schema) {
        JsonNode target = Trees.toTree(original, "original");
        requireSchema(schema, target);
        if (patch == null || !patch.isObject()) {
            throw new InvalidPatchException("strategic merge patch must be a JSON object");
        }
        ObjectNode merged = new Merge().map(requireObject(target, "original").deepCopy(), (ObjectNode) patch.deepCopy(),
                schema, "");
        return Trees.fromTree(merged, original);
    }

    private static void requireSchema(PatchMeta schema, JsonNode object) {
        if (schema == null) {
            throw new MissingPatchSchemaException("no patch schema for kind " + object.path("kind").asString("?")
                    + " in " + object.path("apiVersion").asString("?")
                    + ": strategic merge patch needs one; use a JSON merge patch or server-side apply");
        }
    }

    private static ObjectNode requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new InvalidPatchException(what + " must be a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /** The field's strategy without {@code retainKeys}, and whether {@code retainKeys} was present. */
    record Strategy(String strategy, boolean retainKeys) {

        static Strategy of(PatchMeta meta, String where) {
            List<String> strategies = meta.patchStrategies();
            boolean retain = false;
            String strategy = "";
            for (String s : strategies) {
                String t = s.trim();
                if (t.equals("retainKeys")) {
                    retain = true;
                } else if (strategy.isEmpty() && !t.isEmpty()) {
                    strategy = t;
                } else {
                    throw new InvalidPatchException("unexpected patch strategy " + strategies + " at " + where);
                }
            }
            return new Strategy(strategy, retain);
        }

        boolean merge() {
            return strategy.equals("merge");
        }

        boolean replace() {
            return strategy.equals("replace");
        }
    }

    static String child(String path, String name) {
        return path + "/" + name;
    }

    static boolean isDirectiveKey(String key) {
        return key.equals(PATCH) || key.equals(RETAIN_KEYS) || key.startsWith(SET_ELEMENT_ORDER)
                || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }

    /** Which kind of items a list holds, judged from the first item of either list. */
    static boolean holdsObjects(JsonNode a, JsonNode b, String where) {
        Boolean objects = null;
        for (JsonNode list : new JsonNode[] {a, b}) {
            if (list == null) {
                continue;
            }
            for (JsonNode item : list.values()) {
                if (item.isArray()) {
                    throw new InvalidPatchException("lists of lists are not supported at " + where);
                }
                boolean isObject = item.isObject();
                if (objects == null) {
                    objects = isObject;
                } else if (objects != isObject) {
                    throw new InvalidPatchException("list at " + where + " mixes objects and scalars");
                }
            }
        }
        return objects != null && objects;
    }

    static JsonNode mergeKeyValue(JsonNode item, String mergeKey, String where) {
        JsonNode value = item.get(mergeKey);
        if (value == null) {
            throw new InvalidPatchException("list item at " + where + " lacks its merge key \"" + mergeKey + "\": "
                    + item);
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------
    // create

    private static final class Diff {

        ObjectNode maps(ObjectNode original, ObjectNode modified, PatchMeta schema, boolean retainKeys, String path) {
            ObjectNode patch = Trees.object();
            List<String> retained = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : modified.properties()) {
                String key = e.getKey();
                JsonNode b = e.getValue();
                if (retainKeys && !b.isNull()) {
                    retained.add(key);
                }
                JsonNode a = original.get(key);
                if (a == null) {
                    patch.set(key, b.deepCopy());
                } else if (key.equals(PATCH)) {
                    if (!Trees.jsonEquals(a, b)) {
                        patch.set(key, b.deepCopy());
                    }
                } else if (a.isObject() && b.isObject()) {
                    PatchMeta meta = schema.field(key);
                    Strategy strategy = Strategy.of(meta, child(path, key));
                    if (strategy.replace()) {
                        if (!Trees.jsonEquals(a, b)) {
                            patch.set(key, b.deepCopy());
                        }
                    } else {
                        ObjectNode sub = maps((ObjectNode) a, (ObjectNode) b, meta, strategy.retainKeys(),
                                child(path, key));
                        if (!sub.isEmpty()) {
                            patch.set(key, sub);
                        }
                    }
                } else if (a.isArray() && b.isArray()) {
                    lists(key, (ArrayNode) a, (ArrayNode) b, schema, patch, child(path, key));
                } else if (!Trees.jsonEquals(a, b)) {
                    patch.set(key, b.deepCopy());
                }
            }
            boolean removed = false;
            for (Map.Entry<String, JsonNode> e : original.properties()) {
                if (!modified.has(e.getKey())) {
                    patch.putNull(e.getKey());
                    removed |= !e.getValue().isNull();
                }
            }
            if (!retained.isEmpty() && (!patch.isEmpty() || removed)) {
                ArrayNode keys = patch.putArray(RETAIN_KEYS);
                retained.stream().sorted().forEach(keys::add);
            }
            return patch;
        }

        private void lists(String key, ArrayNode a, ArrayNode b, PatchMeta schema, ObjectNode patch, String path) {
            PatchMeta meta = schema.field(key);
            Strategy strategy = Strategy.of(meta, path);
            if (!strategy.merge()) {
                if (!Trees.jsonEquals(a, b)) {
                    patch.set(key, b.deepCopy());
                }
                return;
            }
            if (a.isEmpty()) {
                if (!b.isEmpty()) {
                    patch.set(key, b.deepCopy());
                }
                return;
            }
            if (holdsObjects(a, b, path)) {
                String mergeKey = meta.patchMergeKey().orElseThrow(() -> new InvalidPatchException(
                        "list " + path + " has patch strategy merge but no merge key in the schema"));
                objectLists(key, a, b, meta, mergeKey, strategy.retainKeys(), patch, path);
            } else {
                scalarLists(key, a, b, patch);
            }
        }

        private void objectLists(String key, ArrayNode a, ArrayNode b, PatchMeta meta, String mergeKey,
                boolean retainKeys, ObjectNode patch, String path) {
            Map<String, ObjectNode> before = new LinkedHashMap<>();
            for (JsonNode item : a.values()) {
                before.putIfAbsent(Trees.scalarKey(mergeKeyValue(item, mergeKey, path)), (ObjectNode) item);
            }
            ArrayNode changes = Trees.NODES.arrayNode();
            Set<String> kept = new LinkedHashSet<>();
            for (JsonNode item : b.values()) {
                JsonNode keyValue = mergeKeyValue(item, mergeKey, path);
                String k = Trees.scalarKey(keyValue);
                kept.add(k);
                ObjectNode old = before.get(k);
                if (old == null) {
                    changes.add(item.deepCopy());
                    continue;
                }
                ObjectNode sub = maps(old, (ObjectNode) item, meta, retainKeys, path + "[" + keyValue + "]");
                if (!sub.isEmpty()) {
                    ObjectNode change = Trees.object();
                    change.set(mergeKey, keyValue.deepCopy());
                    change.setAll(sub);
                    changes.add(change);
                }
            }
            for (Map.Entry<String, ObjectNode> e : before.entrySet()) {
                if (!kept.contains(e.getKey())) {
                    ObjectNode delete = Trees.object();
                    delete.set(mergeKey, e.getValue().get(mergeKey).deepCopy());
                    delete.put(PATCH, "delete");
                    changes.add(delete);
                }
            }
            boolean sameOrder = a.size() == b.size();
            for (int i = 0; sameOrder && i < a.size(); i++) {
                sameOrder = Trees.jsonEquals(a.get(i).get(mergeKey), b.get(i).get(mergeKey));
            }
            if (!changes.isEmpty()) {
                patch.set(key, changes);
            }
            if ((!changes.isEmpty() || !sameOrder) && !b.isEmpty()) {
                ArrayNode order = patch.putArray(SET_ELEMENT_ORDER + key);
                for (JsonNode item : b.values()) {
                    order.addObject().set(mergeKey, item.get(mergeKey).deepCopy());
                }
            }
        }

        private void scalarLists(String key, ArrayNode a, ArrayNode b, ObjectNode patch) {
            Set<String> before = new LinkedHashSet<>();
            a.values().forEach(v -> before.add(Trees.scalarKey(v)));
            Set<String> after = new LinkedHashSet<>();
            b.values().forEach(v -> after.add(Trees.scalarKey(v)));
            ArrayNode added = Trees.NODES.arrayNode();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode v : b.values()) {
                String k = Trees.scalarKey(v);
                if (!before.contains(k) && seen.add(k)) {
                    added.add(v.deepCopy());
                }
            }
            ArrayNode deleted = Trees.NODES.arrayNode();
            for (JsonNode v : a.values()) {
                String k = Trees.scalarKey(v);
                if (!after.contains(k) && seen.add(k)) {
                    deleted.add(v.deepCopy());
                }
            }
            if (!added.isEmpty()) {
                patch.set(key, added);
            }
            if (!deleted.isEmpty()) {
                patch.set(DELETE_FROM_PRIMITIVE_LIST + key, deleted);
            }
            if ((!deleted.isEmpty() || !Trees.jsonEquals(a, b)) && !b.isEmpty()) {
                patch.set(SET_ELEMENT_ORDER + key, b.deepCopy());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // apply

    private static final class Merge {

        ObjectNode map(ObjectNode original, ObjectNode patch, PatchMeta schema, String path) {
            JsonNode directive = patch.get(PATCH);
            if (directive != null) {
                if (directive.isString() && directive.stringValue().equals("replace")) {
                    patch.remove(PATCH);
                    return (ObjectNode) clean(patch);
                }
                if (directive.isString() && directive.stringValue().equals("delete")) {
                    return Trees.object();
                }
                throw new InvalidPatchException("unknown $patch directive " + directive + " at " + pathOrRoot(path));
            }
            retainKeys(original, patch, path);
            setElementOrders(original, patch, schema, path);
            List<String> deleteLists = new ArrayList<>();
            for (String key : new ArrayList<>(patch.propertyNames())) {
                if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                    deleteLists.add(key);
                } else {
                    mergeField(original, key, key, patch.get(key), false, schema, path);
                }
            }
            for (String key : deleteLists) {
                String field = key.substring(DELETE_FROM_PRIMITIVE_LIST.length());
                if (field.isEmpty()) {
                    throw new InvalidPatchException("directive " + key + " at " + pathOrRoot(path) + " names no field");
                }
                mergeField(original, field, key, patch.get(key), true, schema, path);
            }
            return original;
        }

        private void mergeField(ObjectNode original, String key, String patchKey, JsonNode value, boolean deleteList,
                PatchMeta schema, String path) {
            String where = child(path, key);
            if (value.isNull()) {
                original.remove(key);
                return;
            }
            JsonNode current = original.get(key);
            if (deleteList) {
                if (!value.isArray()) {
                    throw new InvalidPatchException("directive " + patchKey + " at " + pathOrRoot(path)
                            + " must be a list");
                }
                if (current != null && current.isArray()) {
                    original.set(key, deleteFromList((ArrayNode) current, value));
                }
                return;
            }
            if (current == null || current.getNodeType() != value.getNodeType()) {
                if (value.isObject() && isDelete(value)) {
                    original.remove(key);
                    return;
                }
                current = value.isObject() ? Trees.object() : value.isArray() ? Trees.NODES.arrayNode() : null;
                if (current == null) {
                    original.set(key, value);
                    return;
                }
            }
            if (value.isObject()) {
                PatchMeta meta = schema.field(key);
                Strategy strategy = Strategy.of(meta, where);
                original.set(key, strategy.replace() ? clean(value)
                        : map((ObjectNode) current, (ObjectNode) value, meta, where));
            } else if (value.isArray()) {
                original.set(key, list((ArrayNode) current, (ArrayNode) value, schema.field(key), where));
            } else {
                original.set(key, value);
            }
        }

        private ArrayNode list(ArrayNode original, ArrayNode patch, PatchMeta meta, String where) {
            Strategy strategy = Strategy.of(meta, where);
            if (!strategy.merge()) {
                return (ArrayNode) clean(patch);
            }
            if (original.isEmpty() && patch.isEmpty()) {
                return original;
            }
            if (!holdsObjects(original, patch, where)) {
                ArrayNode merged = Trees.NODES.arrayNode();
                Set<String> seen = new LinkedHashSet<>();
                for (ArrayNode source : List.of(original, patch)) {
                    for (JsonNode v : source.values()) {
                        if (seen.add(Trees.scalarKey(v))) {
                            merged.add(v);
                        }
                    }
                }
                return order(merged, patch, original, null);
            }
            String mergeKey = meta.patchMergeKey().orElseThrow(() -> new InvalidPatchException(
                    "cannot merge list " + where + " without a merge key in the schema"));
            List<JsonNode> base = new ArrayList<>(original.valueStream().toList());
            ArrayNode plain = Trees.NODES.arrayNode();
            boolean replace = false;
            for (JsonNode item : patch.values()) {
                JsonNode directive = item.get(PATCH);
                if (directive == null) {
                    plain.add(item);
                } else if (directive.isString() && directive.stringValue().equals("delete")) {
                    JsonNode keyValue = mergeKeyValue(item, mergeKey, where);
                    base.removeIf(existing -> Trees.jsonEquals(existing.get(mergeKey), keyValue));
                } else if (directive.isString() && directive.stringValue().equals("replace")) {
                    replace = true;
                } else {
                    throw new InvalidPatchException("unsupported $patch directive " + directive + " in list " + where);
                }
            }
            if (replace) {
                ArrayNode replaced = Trees.NODES.arrayNode();
                plain.values().forEach(v -> replaced.add(clean(v)));
                return replaced;
            }
            ArrayNode originalOrder = Trees.NODES.arrayNode();
            base.forEach(originalOrder::add);
            for (JsonNode item : plain.values()) {
                JsonNode keyValue = mergeKeyValue(item, mergeKey, where);
                int found = -1;
                for (int i = 0; i < base.size() && found < 0; i++) {
                    if (Trees.jsonEquals(mergeKeyValue(base.get(i), mergeKey, where), keyValue)) {
                        found = i;
                    }
                }
                String itemWhere = where + "[" + keyValue + "]";
                if (found >= 0) {
                    base.set(found, map((ObjectNode) base.get(found).deepCopy(), (ObjectNode) item, meta, itemWhere));
                } else {
                    base.add(map(Trees.object(), (ObjectNode) item, meta, itemWhere));
                }
            }
            ArrayNode merged = Trees.NODES.arrayNode();
            base.forEach(merged::add);
            return order(merged, plain, originalOrder, mergeKey);
        }

        /** Upstream's ordering: items named by {@code patchOrder} in that order, the others kept in place. */
        private ArrayNode order(ArrayNode merged, ArrayNode patchOrder, ArrayNode serverOrder, String mergeKey) {
            List<JsonNode> patchItems = new ArrayList<>();
            List<JsonNode> serverOnly = new ArrayList<>();
            for (JsonNode item : merged.values()) {
                (indexOf(patchOrder, item, mergeKey) >= 0 ? patchItems : serverOnly).add(item);
            }
            patchItems = sortBy(patchItems, patchOrder, mergeKey);
            serverOnly = sortBy(serverOnly, serverOrder, mergeKey);
            ArrayNode out = Trees.NODES.arrayNode();
            int i = 0;
            int j = 0;
            while (i < serverOnly.size() || j < patchItems.size()) {
                if (j >= patchItems.size()) {
                    out.add(serverOnly.get(i++));
                } else if (i >= serverOnly.size()) {
                    out.add(patchItems.get(j++));
                } else {
                    int left = indexOf(serverOrder, serverOnly.get(i), mergeKey);
                    int right = indexOf(serverOrder, patchItems.get(j), mergeKey);
                    if (left >= 0 && right >= 0 && left < right) {
                        out.add(serverOnly.get(i++));
                    } else {
                        out.add(patchItems.get(j++));
                    }
                }
            }
            return out;
        }

        private List<JsonNode> sortBy(List<JsonNode> items, ArrayNode order, String mergeKey) {
            List<JsonNode> known = new ArrayList<>();
            List<JsonNode> unknown = new ArrayList<>();
            for (JsonNode item : items) {
                (indexOf(order, item, mergeKey) >= 0 ? known : unknown).add(item);
            }
            known.sort((x, y) -> Integer.compare(indexOf(order, x, mergeKey), indexOf(order, y, mergeKey)));
            known.addAll(unknown);
            return known;
        }

        private static int indexOf(ArrayNode list, JsonNode item, String mergeKey) {
            JsonNode wanted = mergeKey == null ? item : item.get(mergeKey);
            for (int i = 0; i < list.size(); i++) {
                JsonNode candidate = mergeKey == null ? list.get(i) : list.get(i).get(mergeKey);
                if (wanted != null && candidate != null && Trees.jsonEquals(wanted, candidate)) {
                    return i;
                }
            }
            return -1;
        }

        private void retainKeys(ObjectNode original, ObjectNode patch, String path) {
            JsonNode retain = patch.remove(RETAIN_KEYS);
            if (retain == null) {
                return;
            }
            if (!retain.isArray()) {
                throw new InvalidPatchException("$retainKeys at " + pathOrRoot(path) + " must be a list of field names");
            }
            Set<String> keys = new LinkedHashSet<>();
            retain.values().forEach(v -> keys.add(v.asString()));
            for (Map.Entry<String, JsonNode> e : patch.properties()) {
                if (!e.getValue().isNull() && !e.getKey().startsWith(SET_ELEMENT_ORDER)
                        && !e.getKey().startsWith(DELETE_FROM_PRIMITIVE_LIST) && !keys.contains(e.getKey())) {
                    throw new InvalidPatchException("$retainKeys at " + pathOrRoot(path) + " does not list the patched field \""
                            + e.getKey() + "\"");
                }
            }
            for (String k : new ArrayList<>(original.propertyNames())) {
                if (!keys.contains(k)) {
                    original.remove(k);
                }
            }
        }

        private void setElementOrders(ObjectNode original, ObjectNode patch, PatchMeta schema, String path) {
            for (String directive : new ArrayList<>(patch.propertyNames())) {
                if (!directive.startsWith(SET_ELEMENT_ORDER)) {
                    continue;
                }
                String key = directive.substring(SET_ELEMENT_ORDER.length());
                JsonNode order = patch.remove(directive);
                String where = child(path, key);
                if (key.isEmpty() || !order.isArray()) {
                    throw new InvalidPatchException("directive " + directive + " at " + pathOrRoot(path)
                            + " must name a field and hold a list");
                }
                JsonNode current = original.get(key);
                JsonNode patchList = patch.get(key);
                if (current != null && !current.isArray() || patchList != null && !patchList.isArray()) {
                    throw new InvalidPatchException("directive " + directive + " at " + pathOrRoot(path)
                            + " refers to a field that is not a list");
                }
                PatchMeta meta = schema.field(key);
                String mergeKey = holdsObjects(current, patchList, where)
                        ? meta.patchMergeKey().orElseThrow(() -> new InvalidPatchException(
                                "cannot order list " + where + " without a merge key in the schema"))
                        : null;
                ArrayNode merged;
                if (current == null && patchList == null) {
                    continue;
                } else if (patchList == null) {
                    merged = (ArrayNode) current;
                } else {
                    merged = list(current == null ? Trees.NODES.arrayNode() : (ArrayNode) current.deepCopy(),
                            (ArrayNode) patchList, meta, where);
                }
                ArrayNode server = current == null ? Trees.NODES.arrayNode() : (ArrayNode) current;
                original.set(key, order(merged, (ArrayNode) order, server, mergeKey));
                patch.remove(key);
            }
        }

        private static ArrayNode deleteFromList(ArrayNode current, JsonNode toDelete) {
            Set<String> gone = new LinkedHashSet<>();
            toDelete.values().forEach(v -> gone.add(Trees.scalarKey(v)));
            ArrayNode out = Trees.NODES.arrayNode();
            current.values().forEach(v -> {
                if (!gone.contains(Trees.scalarKey(v))) {
                    out.add(v);
                }
            });
            return out;
        }

        private static boolean isDelete(JsonNode value) {
            JsonNode d = value.get(PATCH);
            return d != null && d.isString() && d.stringValue().equals("delete");
        }

        /** A patch value stored as is: without directives and without null members. */
        private static JsonNode clean(JsonNode value) {
            if (value.isObject()) {
                ObjectNode out = Trees.object();
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    if (!e.getValue().isNull() && !isDirectiveKey(e.getKey())) {
                        out.set(e.getKey(), clean(e.getValue()));
                    }
                }
                return out;
            }
            if (value.isArray()) {
                ArrayNode out = Trees.NODES.arrayNode();
                for (JsonNode item : value.values()) {
                    if (!(item.isObject() && item.has(PATCH))) {
                        out.add(clean(item));
                    }
                }
                return out;
            }
            return value;
        }

        private static String pathOrRoot(String path) {
            return path.isEmpty() ? "the root" : path;
        }
    }
}
