package io.kubeclient.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field ownership as the API server tracks it in {@code metadata.managedFields} ({@code FieldsV1}), and
 * server-side apply built on it: conflicts between managers, forced takeover, and removal of fields a manager
 * stops applying.
 *
 * <p>A field set is a set of paths; each path is a list of path elements joined by {@code '\n'}:
 * {@code f:<field>}, {@code k:<json of merge key>} for an element of an associative list, {@code v:<json>} for
 * a member of a set, and {@code .} for the element itself.
 */
final class ManagedFields {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char SEP = '\n';
    private static final Set<String> UNTRACKED_META = Set.of("name", "namespace", "uid", "resourceVersion",
            "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp",
            "deletionGracePeriodSeconds", "generateName");

    private ManagedFields() {
    }

    // ---------------------------------------------------------------------------------------------- field sets

    /** Every leaf path (and list element) set in {@code obj}. */
    static Set<String> fieldsOf(ResourceType rt, JsonNode obj) {
        Set<String> out = new TreeSet<>();
        walk(rt, obj, "", new ArrayList<>(), out);
        return out;
    }

    private static void walk(ResourceType rt, JsonNode node, String prefix, List<String> names, Set<String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (names.isEmpty() && (k.equals("apiVersion") || k.equals("kind"))) {
                continue;
            }
            if (names.size() == 1 && names.get(0).equals("metadata") && UNTRACKED_META.contains(k)) {
                continue;
            }
            if (v.isNull()) {
                continue;
            }
            String p = prefix + "f:" + k;
            names.add(k);
            if (v.isObject() && !v.isEmpty()) {
                walk(rt, v, p + SEP, names, out);
            } else if (v.isArray() && !v.isEmpty() && MergeKeys.of(rt, names) != null && allObjects(v)) {
                String mk = MergeKeys.of(rt, names);
                for (JsonNode el : v) {
                    String ep = p + SEP + elementKey(mk, el);
                    out.add(ep + SEP + ".");
                    walk(rt, el, ep + SEP, names, out);
                }
            } else if (v.isArray() && !v.isEmpty() && MergeKeys.isSet(names)) {
                for (JsonNode el : v) {
                    out.add(p + SEP + "v:" + JSON.writeValueAsString(el));
                }
            } else {
                out.add(p);
            }
            names.remove(names.size() - 1);
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode el : array) {
            if (!el.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String elementKey(String mergeKey, JsonNode el) {
        ObjectNode k = F.objectNode();
        k.set(mergeKey, el.path(mergeKey).isMissingNode() ? F.nullNode() : el.get(mergeKey));
        return "k:" + JSON.writeValueAsString(k);
    }

    /** The value at {@code path} in {@code obj}, or {@code null} when absent. */
    static JsonNode valueAt(JsonNode obj, String path) {
        JsonNode n = obj;
        for (String pe : path.split(String.valueOf(SEP))) {
            if (n == null) {
                return null;
            }
            if (pe.equals(".")) {
                return n;
            }
            n = step(n, pe);
        }
        return n;
    }

    private static JsonNode step(JsonNode n, String pe) {
        if (pe.startsWith("f:")) {
            return n.isObject() ? n.get(pe.substring(2)) : null;
        }
        if (!n.isArray()) {
            return null;
        }
        JsonNode want = JSON.readTree(pe.substring(2));
        for (JsonNode el : n) {
            if (pe.startsWith("v:") ? el.equals(want) : matchesKey(el, want)) {
                return el;
            }
        }
        return null;
    }

    private static boolean matchesKey(JsonNode el, JsonNode key) {
        for (Map.Entry<String, JsonNode> e : key.properties()) {
            JsonNode v = el.get(e.getKey());
            if (v == null ? !e.getValue().isNull() : !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Removes the field or element at {@code path}. */
    private static void removeAt(JsonNode obj, String path) {
        String[] pes = path.split(String.valueOf(SEP));
        int last = pes.length - 1;
        if (pes[last].equals(".")) {
            last--;
        }
        JsonNode parent = obj;
        for (int i = 0; i < last && parent != null; i++) {
            parent = step(parent, pes[i]);
        }
        if (parent == null) {
            return;
        }
        String pe = pes[last];
        if (pe.startsWith("f:") && parent instanceof ObjectNode o) {
            o.remove(pe.substring(2));
        } else if (parent instanceof ArrayNode a) {
            JsonNode want = JSON.readTree(pe.substring(2));
            for (int i = 0; i < a.size(); i++) {
                if (pe.startsWith("v:") ? a.get(i).equals(want) : matchesKey(a.get(i), want)) {
                    a.remove(i);
                    return;
                }
            }
        }
    }

    /** A field set in the {@code FieldsV1} JSON form. */
    static ObjectNode toFieldsV1(Set<String> paths) {
        ObjectNode root = F.objectNode();
        for (String path : paths) {
            ObjectNode n = root;
            for (String pe : path.split(String.valueOf(SEP))) {
                JsonNode child = n.get(pe);
                n = child instanceof ObjectNode o ? o : n.putObject(pe);
            }
        }
        return root;
    }

    static Set<String> fromFieldsV1(JsonNode fields) {
        Set<String> out = new TreeSet<>();
        collect(fields, "", out);
        return out;
    }

    private static void collect(JsonNode n, String prefix, Set<String> out) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String p = prefix + e.getKey();
            if (e.getValue().isEmpty() || e.getKey().equals(".")) {
                out.add(p);
            } else {
                collect(e.getValue(), p + SEP, out);
            }
        }
    }

    /** {@code .spec.containers[name="app"].image}: the path as conflict messages show it. */
    static String human(String path) {
        StringBuilder b = new StringBuilder();
        for (String pe : path.split(String.valueOf(SEP))) {
            if (pe.startsWith("f:")) {
                b.append('.').append(pe.substring(2));
            } else if (pe.startsWith("k:")) {
                JsonNode k = JSON.readTree(pe.substring(2));
                List<String> parts = new ArrayList<>();
                k.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
                b.append('[').append(String.join(",", parts)).append(']');
            } else if (pe.startsWith("v:")) {
                b.append("[=").append(pe.substring(2)).append(']');
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------- entries

    /** The managedFields entries of {@code obj}, keyed by {@code manager|operation|subresource}. */
    private static Map<String, ObjectNode> entries(JsonNode obj) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (JsonNode e : obj.path("metadata").path("managedFields")) {
            if (e instanceof ObjectNode o) {
                out.put(entryKey(o.path("manager").asString(""), o.path("operation").asString(""),
                        o.path("subresource").asString("")), o.deepCopy());
            }
        }
        return out;
    }

    private static String entryKey(String manager, String operation, String subresource) {
        return manager + "|" + operation + "|" + subresource;
    }

    private static void store(ObjectNode obj, Map<String, ObjectNode> entries) {
        ObjectNode meta = (ObjectNode) obj.get("metadata");
        ArrayNode arr = F.arrayNode();
        entries.values().stream().filter(e -> !e.path("fieldsV1").isEmpty()).forEach(arr::add);
        if (arr.isEmpty()) {
            meta.remove("managedFields");
        } else {
            meta.set("managedFields", arr);
        }
    }

    private static ObjectNode entry(String manager, String operation, ResourceType rt, Instant now,
            String subresource, Set<String> fields) {
        ObjectNode e = F.objectNode();
        e.put("manager", manager);
        e.put("operation", operation);
        e.put("apiVersion", rt.apiVersion());
        e.put("time", Storage.timestamp(now));
        e.put("fieldsType", "FieldsV1");
        e.set("fieldsV1", toFieldsV1(fields));
        if (subresource != null && !subresource.isEmpty()) {
            e.put("subresource", subresource);
        }
        return e;
    }

    /**
     * Gives {@code manager} (operation Update) ownership of every field the write changed, taking it away
     * from other managers; fields the write removed are dropped from every manager.
     */
    static void recordUpdate(ObjectNode result, ObjectNode old, String manager, ResourceType rt, Instant now,
            String subresource) {
        Set<String> after = fieldsOf(rt, result);
        Set<String> before = old == null ? Set.of() : fieldsOf(rt, old);
        Set<String> changed = new TreeSet<>();
        for (String p : after) {
            if (!before.contains(p) || !java.util.Objects.equals(valueAt(result, p), valueAt(old, p))) {
                changed.add(p);
            }
        }
        Map<String, ObjectNode> entries = entries(result);
        if (changed.isEmpty() && old != null) {
            return;
        }
        String sub = subresource == null ? "" : subresource;
        String mine = entryKey(manager, "Update", sub);
        Set<String> own = new TreeSet<>();
        for (Map.Entry<String, ObjectNode> e : entries.entrySet()) {
            Set<String> fields = fromFieldsV1(e.getValue().path("fieldsV1"));
            if (e.getKey().equals(mine)) {
                own.addAll(fields);
                continue;
            }
            boolean touched = fields.removeAll(changed) | fields.retainAll(after);
            if (touched) {
                e.getValue().set("fieldsV1", toFieldsV1(fields));
            }
        }
        own.retainAll(after);
        own.addAll(changed);
        entries.put(mine, entry(manager, "Update", rt, now, sub, own));
        store(result, entries);
    }

    /**
     * Server-side apply: merges {@code applied} into {@code current} ({@code null} when the object does not
     * exist yet) on behalf of {@code manager}.
     *
     * @throws ApiError 409 listing each conflicting field and manager, unless {@code force}
     */
    static ObjectNode apply(ResourceType rt, ObjectNode current, ObjectNode applied, String manager, boolean force,
            Instant now, String subresource) {
        String sub = subresource == null ? "" : subresource;
        ObjectNode cfg = applied.deepCopy();
        if (sub.equals("status")) {
            for (String k : new ArrayList<>(cfg.propertyNames())) {
                if (!Set.of("apiVersion", "kind", "metadata", "status").contains(k)) {
                    cfg.remove(k);
                }
            }
        } else if (rt.statusSubresource()) {
            cfg.remove("status");
        }
        Set<String> appliedFields = fieldsOf(rt, cfg);
        ObjectNode base = current != null ? current : Storage.F.objectNode();
        Map<String, ObjectNode> entries = entries(base);
        String mine = entryKey(manager, "Apply", sub);

        Map<String, List<String>> conflicts = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : entries.entrySet()) {
            ObjectNode en = e.getValue();
            if (en.path("manager").asString("").equals(manager)
                    || !en.path("subresource").asString("").equals(sub)) {
                continue;
            }
            Set<String> theirs = fromFieldsV1(en.path("fieldsV1"));
            List<String> clash = new ArrayList<>();
            for (String p : appliedFields) {
                if (!p.endsWith(".") && theirs.contains(p)
                        && !java.util.Objects.equals(valueAt(cfg, p), valueAt(base, p))) {
                    clash.add(p);
                }
            }
            if (!clash.isEmpty()) {
                conflicts.put(e.getKey(), clash);
            }
        }
        if (!conflicts.isEmpty()) {
            if (!force) {
                throw conflictError(entries, conflicts);
            }
            for (Map.Entry<String, List<String>> c : conflicts.entrySet()) {
                ObjectNode en = entries.get(c.getKey());
                Set<String> theirs = fromFieldsV1(en.path("fieldsV1"));
                c.getValue().forEach(theirs::remove);
                en.set("fieldsV1", toFieldsV1(theirs));
            }
        }

        ObjectNode result = base.deepCopy();
        Set<String> previously = entries.containsKey(mine)
                ? fromFieldsV1(entries.get(mine).path("fieldsV1")) : Set.of();
        Set<String> others = new TreeSet<>();
        entries.forEach((k, en) -> {
            if (!k.equals(mine)) {
                others.addAll(fromFieldsV1(en.path("fieldsV1")));
            }
        });
        List<String> removed = new ArrayList<>();
        for (String p : previously) {
            if (!appliedFields.contains(p) && !others.contains(p) && !ownedBelow(others, p)) {
                removed.add(p);
            }
        }
        removed.sort(Comparator.comparingInt(String::length).reversed());
        removed.forEach(p -> removeAt(result, p));

        merge(rt, result, cfg, new ArrayList<>());
        entries.put(mine, entry(manager, "Apply", rt, now, sub, appliedFields));
        store(result, entries);
        return result;
    }

    private static boolean ownedBelow(Set<String> others, String path) {
        if (!path.endsWith(SEP + ".")) {
            return false;
        }
        String prefix = path.substring(0, path.length() - 1);
        for (String o : others) {
            if (o.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static ApiError conflictError(Map<String, ObjectNode> entries, Map<String, List<String>> conflicts) {
        List<io.fabric8.kubernetes.api.model.StatusCause> causes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : conflicts.entrySet()) {
            ObjectNode en = entries.get(c.getKey());
            String who = "conflict with \"" + en.path("manager").asString() + "\""
                    + (en.path("operation").asString().equals("Update")
                            ? " using " + en.path("apiVersion").asString() : "");
            for (String p : c.getValue()) {
                io.fabric8.kubernetes.api.model.StatusCause cause = new io.fabric8.kubernetes.api.model.StatusCause();
                cause.setReason("FieldManagerConflict");
                cause.setMessage(who);
                cause.setField(human(p));
                causes.add(cause);
                lines.add(who + ": " + human(p));
            }
        }
        int n = causes.size();
        String msg = "Apply failed with " + n + " conflict" + (n == 1 ? "" : "s") + ": " + String.join("\n", lines);
        return ApiError.applyConflict(causes, msg);
    }

    /** Merges an applied configuration into {@code target}: maps recursively, keyed lists by key, others replaced. */
    static void merge(ResourceType rt, ObjectNode target, JsonNode applied, List<String> names) {
        for (Map.Entry<String, JsonNode> e : applied.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            JsonNode cur = target.get(k);
            if (v.isNull()) {
                continue;
            }
            if (names.size() == 1 && names.get(0).equals("metadata") && k.equals("managedFields")) {
                continue;
            }
            names.add(k);
            String mk = v.isArray() ? MergeKeys.of(rt, names) : null;
            if (v.isObject() && cur instanceof ObjectNode co) {
                merge(rt, co, v, names);
            } else if (mk != null && cur instanceof ArrayNode ca && allObjects(v) && allObjects(ca)) {
                for (JsonNode el : v) {
                    ObjectNode match = null;
                    for (JsonNode c : ca) {
                        if (java.util.Objects.equals(c.get(mk), el.get(mk))) {
                            match = (ObjectNode) c;
                            break;
                        }
                    }
                    if (match == null) {
                        ca.add(el.deepCopy());
                    } else {
                        merge(rt, match, el, names);
                    }
                }
            } else if (MergeKeys.isSet(names) && v.isArray() && cur instanceof ArrayNode ca) {
                Set<JsonNode> have = new LinkedHashSet<>();
                ca.forEach(have::add);
                for (JsonNode el : v) {
                    if (have.add(el)) {
                        ca.add(el.deepCopy());
                    }
                }
            } else {
                target.set(k, v.deepCopy());
            }
            names.remove(names.size() - 1);
        }
    }
}
