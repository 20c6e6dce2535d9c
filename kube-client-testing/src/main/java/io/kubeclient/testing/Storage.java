package io.kubeclient.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The object store: JSON trees keyed by resource and {@code namespace/name}, one global resource-version
 * counter, and a bounded history of events. Every write runs under one lock, so resource versions, the
 * history and the order in which watches see events all agree.
 *
 * <p>Stored trees are never mutated after they are stored; writers work on copies.
 */
final class Storage {

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final ResourceType NAMESPACES = ResourceType.of(io.fabric8.kubernetes.api.model.Namespace.class);

    private final Object lock = new Object();
    private final Clock clock;
    private final int historyLimit;
    private final Map<String, TreeMap<String, ObjectNode>> objects = new HashMap<>();
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final Map<String, ResourceType> types;
    private long rv;
    /** Events with {@code rv <= compacted} are gone; reading or watching from before it is answered with 410. */
    private long compacted;

    Storage(Clock clock, int historyLimit, Map<String, ResourceType> typesByGroupResource) {
        this.clock = clock;
        this.historyLimit = historyLimit;
        this.types = typesByGroupResource;
        this.rv = 1;
        this.compacted = 1;
    }

    // ---------------------------------------------------------------------------------------------- reads

    long currentRv() {
        synchronized (lock) {
            return rv;
        }
    }

    ObjectNode get(ResourceType rt, String ns, String name) {
        synchronized (lock) {
            ObjectNode o = map(rt).get(key(rt, ns, name));
            if (o == null) {
                throw ApiError.notFound(rt, name);
            }
            return o;
        }
    }

    ObjectNode find(ResourceType rt, String ns, String name) {
        synchronized (lock) {
            return map(rt).get(key(rt, ns, name));
        }
    }

    /** A consistent view of one resource (optionally one namespace) at resource version {@code at}. */
    record Snapshot(NavigableMap<String, ObjectNode> items, long rv) {
    }

    /**
     * The objects as they were at {@code at} ({@code 0} means now), rebuilt from the current state by undoing
     * later events.
     *
     * @throws ApiError 410 when {@code at} is older than the history reaches
     */
    Snapshot snapshot(ResourceType rt, String ns, long at, String expiredMessage) {
        synchronized (lock) {
            if (at == 0 || at >= rv) {
                return new Snapshot(scoped(rt, ns), rv);
            }
            if (at < compacted) {
                throw ApiError.expired(expiredMessage);
            }
            NavigableMap<String, ObjectNode> m = null;
            String res = rt.groupResource();
            Iterator<Event> it = history.descendingIterator();
            while (it.hasNext()) {
                Event e = it.next();
                if (e.rv() <= at) {
                    break;
                }
                if (!e.resource().equals(res) || (ns != null && !e.key().startsWith(ns + "/"))) {
                    continue;
                }
                if (m == null) {
                    m = new TreeMap<>(scoped(rt, ns));
                }
                if (e.type().equals("ADDED")) {
                    m.remove(e.key());
                } else {
                    m.put(e.key(), e.previous());
                }
            }
            return new Snapshot(m == null ? scoped(rt, ns) : m, at);
        }
    }

    private NavigableMap<String, ObjectNode> scoped(ResourceType rt, String ns) {
        TreeMap<String, ObjectNode> m = map(rt);
        if (ns == null || !rt.namespaced()) {
            return m;
        }
        return m.subMap(ns + "/", true, ns + "/\uffff", false);
    }

    // ---------------------------------------------------------------------------------------------- watches

    /**
     * Registers a watch and hands it, atomically, everything it must see first: the current objects as ADDED
     * when {@code initialState}, otherwise the history after {@code fromRv}.
     */
    void register(Watch w, long fromRv, boolean initialState, boolean initialEventsEndBookmark) {
        synchronized (lock) {
            ResourceType rt = w.type;
            if (initialState) {
                for (ObjectNode o : scoped(rt, w.namespace).values()) {
                    w.offer(new Event("ADDED", rt.groupResource(), "", o, null, rv));
                }
                if (initialEventsEndBookmark) {
                    w.offer(new Watch.Bookmark(rv, true));
                }
            } else if (fromRv < compacted) {
                w.offer(new Watch.Expired("too old resource version: " + fromRv + " (" + compacted + ")"));
                return;
            } else {
                for (Event e : history) {
                    if (e.rv() > fromRv && w.wants(e)) {
                        w.offer(e);
                    }
                }
            }
            watches.add(w);
        }
    }

    void unregister(Watch w) {
        watches.remove(w);
    }

    List<Watch> watches() {
        return List.copyOf(watches);
    }

    /** Queues a bookmark at the current resource version on every watch that asked for bookmarks. */
    void bookmarkAll() {
        synchronized (lock) {
            for (Watch w : watches) {
                if (w.bookmarks) {
                    w.offer(new Watch.Bookmark(rv, false));
                }
            }
        }
    }

    /** Drops the whole history: afterwards any resource version older than now answers 410. */
    void compact() {
        synchronized (lock) {
            history.clear();
            compacted = rv;
            for (Watch w : watches) {
                w.offer(new Watch.Expired("too old resource version: (" + compacted + ")"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- writes

    ObjectNode create(ResourceType rt, String ns, ObjectNode body, WriteOptions opts) {
        synchronized (lock) {
            ObjectNode obj = body.deepCopy();
            ObjectNode meta = checkKindAndMeta(rt, obj);
            if (rt.namespaced()) {
                String bodyNs = meta.path("namespace").asString("");
                if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
                    throw ApiError.badRequest("the namespace of the provided object does not match the namespace "
                            + "sent on the request");
                }
                meta.put("namespace", ns);
            } else {
                meta.remove("namespace");
            }
            String name = meta.path("name").asString("");
            String generateName = meta.path("generateName").asString("");
            if (name.isEmpty()) {
                if (generateName.isEmpty()) {
                    throw ApiError.invalid(rt, "", "FieldValueRequired", "metadata.name",
                            "Required value: name or generateName is required");
                }
                for (int attempt = 0; attempt < 8; attempt++) {
                    name = generateName + suffix();
                    if (!map(rt).containsKey(key(rt, ns, name))) {
                        break;
                    }
                }
                meta.put("name", name);
            }
            validateName(rt, name);
            if (rt.namespaced()) {
                ObjectNode nsObj = map(NAMESPACES).get(ns);
                if (nsObj == null) {
                    throw ApiError.namespaceNotFound(ns);
                }
                if (nsObj.path("metadata").has("deletionTimestamp")) {
                    throw ApiError.forbidden(rt, name, "unable to create new content in namespace " + ns
                            + " because it is being terminated");
                }
            }
            String key = key(rt, ns, name);
            if (map(rt).containsKey(key)) {
                throw ApiError.alreadyExists(rt, name);
            }
            meta.put("uid", UUID.randomUUID().toString());
            meta.put("creationTimestamp", timestamp(clock.instant()));
            meta.put("generation", 1);
            meta.remove("deletionTimestamp");
            meta.remove("deletionGracePeriodSeconds");
            meta.remove("resourceVersion");
            meta.remove("selfLink");
            defaultOnCreate(rt, obj);
            if (opts.fieldManager() != null) {
                ManagedFields.recordUpdate(obj, null, opts.fieldManager(), rt, clock.instant(), null);
            }
            if (opts.dryRun()) {
                return obj;
            }
            commit("ADDED", rt, key, obj, null);
            return obj;
        }
    }

    /** Writes a prepared object as the new state of {@code name}: PUT on the object or its status. */
    ObjectNode update(ResourceType rt, String ns, String name, ObjectNode body, String subresource,
            WriteOptions opts) {
        synchronized (lock) {
            ObjectNode obj = body.deepCopy();
            ObjectNode meta = checkKindAndMeta(rt, obj);
            String bodyName = meta.path("name").asString("");
            if (!bodyName.equals(name)) {
                throw ApiError.badRequest("the name of the object (" + bodyName
                        + ") does not match the name on the URL (" + name + ")");
            }
            if (rt.namespaced()) {
                String bodyNs = meta.path("namespace").asString("");
                if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
                    throw ApiError.badRequest("the namespace of the provided object does not match the namespace "
                            + "sent on the request");
                }
            }
            ObjectNode old = map(rt).get(key(rt, ns, name));
            if (old == null) {
                throw ApiError.notFound(rt, name);
            }
            String bodyRv = meta.path("resourceVersion").asString("");
            if (!bodyRv.isEmpty() && !bodyRv.equals(old.path("metadata").path("resourceVersion").asString())) {
                throw ApiError.modified(rt, name);
            }
            return replace(rt, ns, old, obj, subresource, opts, "Update");
        }
    }

    /**
     * Read-modify-write under the lock: {@code patcher} gets a copy of the current object (or {@code null}
     * when absent and {@code createWhenAbsent}) and returns the new one.
     */
    ObjectNode patch(ResourceType rt, String ns, String name, String subresource, boolean createWhenAbsent,
            WriteOptions opts, UnaryOperator<ObjectNode> patcher, String operation) {
        synchronized (lock) {
            ObjectNode old = map(rt).get(key(rt, ns, name));
            if (old == null) {
                if (!createWhenAbsent) {
                    throw ApiError.notFound(rt, name);
                }
                ObjectNode created = patcher.apply(null);
                ObjectNode meta = checkKindAndMeta(rt, created);
                if (!meta.path("name").asString("").equals(name)) {
                    throw ApiError.badRequest("the name of the object (" + meta.path("name").asString("")
                            + ") does not match the name on the URL (" + name + ")");
                }
                ArrayNode mf = (ArrayNode) meta.remove("managedFields");
                ObjectNode result = create(rt, ns, created, new WriteOptions(true, null, false));
                ObjectNode rmeta = (ObjectNode) result.get("metadata");
                if (mf != null) {
                    rmeta.set("managedFields", mf);
                }
                if (opts.dryRun()) {
                    return result;
                }
                commit("ADDED", rt, key(rt, ns, name), result, null);
                return result;
            }
            ObjectNode patched = patcher.apply(old.deepCopy());
            ObjectNode meta = checkKindAndMeta(rt, patched);
            if (!meta.path("name").asString("").equals(name)) {
                throw ApiError.badRequest("the name of the object (" + meta.path("name").asString("")
                        + ") does not match the name on the URL (" + name + ")");
            }
            String patchedRv = meta.path("resourceVersion").asString("");
            if (!patchedRv.isEmpty() && !patchedRv.equals(old.path("metadata").path("resourceVersion").asString())) {
                throw ApiError.modified(rt, name);
            }
            return replace(rt, ns, old, patched, subresource, opts, operation);
        }
    }

    private ObjectNode replace(ResourceType rt, String ns, ObjectNode old, ObjectNode obj, String subresource,
            WriteOptions opts, String operation) {
        ObjectNode oldMeta = (ObjectNode) old.get("metadata");
        String name = oldMeta.path("name").asString();
        ObjectNode result;
        if ("status".equals(subresource)) {
            result = old.deepCopy();
            JsonNode status = obj.get("status");
            if (status == null) {
                result.remove("status");
            } else {
                result.set("status", status);
            }
            JsonNode mf = obj.path("metadata").get("managedFields");
            if (mf != null && operation.equals("Apply")) {
                ((ObjectNode) result.get("metadata")).set("managedFields", mf);
            }
        } else {
            result = obj;
            if (rt.statusSubresource()) {
                JsonNode status = old.get("status");
                if (status == null) {
                    result.remove("status");
                } else {
                    result.set("status", status);
                }
            }
        }
        ObjectNode meta = (ObjectNode) result.get("metadata");
        for (String keep : new String[] {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "namespace", "generation"}) {
            JsonNode v = oldMeta.get(keep);
            if (v == null) {
                meta.remove(keep);
            } else {
                meta.set(keep, v);
            }
        }
        meta.remove("selfLink");
        if (!meta.has("managedFields") && oldMeta.has("managedFields")) {
            meta.set("managedFields", oldMeta.get("managedFields"));
        }
        if (oldMeta.has("deletionTimestamp")) {
            List<String> before = strings(oldMeta.path("finalizers"));
            for (String f : strings(meta.path("finalizers"))) {
                if (!before.contains(f)) {
                    throw ApiError.invalid(rt, name, "FieldValueForbidden", "metadata.finalizers",
                            "Forbidden: no new finalizers can be added if the object is being deleted, found new "
                                    + "finalizers []string{\"" + f + "\"}");
                }
            }
        }
        if (!specOf(old).equals(specOf(result))) {
            meta.put("generation", oldMeta.path("generation").asLong(0) + 1);
        }
        if (opts.fieldManager() != null && !operation.equals("Apply")) {
            ManagedFields.recordUpdate(result, old, opts.fieldManager(), rt, clock.instant(), subresource);
        }
        meta.put("resourceVersion", oldMeta.path("resourceVersion").asString());
        if (result.equals(old)) {
            return old;
        }
        boolean finalize = meta.has("deletionTimestamp") && strings(meta.path("finalizers")).isEmpty()
                && !gracefulPending(meta);
        if (opts.dryRun()) {
            return result;
        }
        String key = key(rt, ns, name);
        if (finalize) {
            commit("DELETED", rt, key, result, old);
            finishNamespace(rt, ns);
        } else {
            commit("MODIFIED", rt, key, result, old);
        }
        return result;
    }

    /** DELETE of one object; returns the deleted or now-terminating object. */
    ObjectNode delete(ResourceType rt, String ns, String name, ObjectNode options, boolean dryRun) {
        synchronized (lock) {
            String key = key(rt, ns, name);
            ObjectNode old = map(rt).get(key);
            if (old == null) {
                throw ApiError.notFound(rt, name);
            }
            ObjectNode oldMeta = (ObjectNode) old.get("metadata");
            JsonNode pre = options == null ? null : options.get("preconditions");
            if (pre != null && pre.hasNonNull("uid") && !pre.get("uid").asString().equals(oldMeta.path("uid").asString())) {
                throw ApiError.conflict(rt, name, "Precondition failed: UID in precondition: "
                        + pre.get("uid").asString() + ", UID in object meta: " + oldMeta.path("uid").asString());
            }
            if (pre != null && pre.hasNonNull("resourceVersion") && !pre.get("resourceVersion").asString()
                    .equals(oldMeta.path("resourceVersion").asString())) {
                throw ApiError.conflict(rt, name, "Precondition failed: ResourceVersion in precondition: "
                        + pre.get("resourceVersion").asString() + ", ResourceVersion in object meta: "
                        + oldMeta.path("resourceVersion").asString());
            }
            long grace = gracePeriod(rt, old, options);
            boolean hasFinalizers = !strings(oldMeta.path("finalizers")).isEmpty();
            boolean namespace = rt.groupResource().equals("namespaces");
            if (!hasFinalizers && grace == 0 && !namespace) {
                if (dryRun) {
                    return old;
                }
                ObjectNode gone = old.deepCopy();
                commit("DELETED", rt, key, gone, old);
                finishNamespace(rt, ns);
                return gone;
            }
            if (oldMeta.has("deletionTimestamp")
                    && (namespace || grace >= oldMeta.path("deletionGracePeriodSeconds").asLong(0))) {
                return old;
            }
            ObjectNode term = old.deepCopy();
            ObjectNode meta = (ObjectNode) term.get("metadata");
            meta.put("deletionTimestamp", timestamp(clock.instant().plusSeconds(grace)));
            meta.put("deletionGracePeriodSeconds", grace);
            if (namespace) {
                ((ObjectNode) (term.has("status") ? term.get("status") : term.putObject("status")))
                        .put("phase", "Terminating");
            }
            if (dryRun) {
                return term;
            }
            commit("MODIFIED", rt, key, term, old);
            if (namespace) {
                emptyNamespace(name);
                return map(rt).getOrDefault(key, term);
            }
            return term;
        }
    }

    /** Deletes every object the matcher accepts; returns them in key order. */
    List<ObjectNode> deleteCollection(ResourceType rt, String ns, Selectors.SelectorMatcher matcher,
            ObjectNode options, boolean dryRun) {
        synchronized (lock) {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode o : new ArrayList<>(scoped(rt, ns).values())) {
                if (matcher.test(o)) {
                    JsonNode m = o.get("metadata");
                    out.add(delete(rt, m.path("namespace").asString(null), m.path("name").asString(), options,
                            dryRun));
                }
            }
            return out;
        }
    }

    /** Seeding: stores {@code obj} as given (creating its namespace if needed), filling in missing metadata. */
    ObjectNode put(ResourceType rt, ObjectNode body) {
        synchronized (lock) {
            ObjectNode obj = body.deepCopy();
            ObjectNode meta = checkKindAndMeta(rt, obj);
            String name = meta.path("name").asString("");
            validateName(rt, name);
            String ns = null;
            if (rt.namespaced()) {
                ns = meta.path("namespace").asString("");
                if (ns.isEmpty()) {
                    ns = "default";
                    meta.put("namespace", ns);
                }
                if (!map(NAMESPACES).containsKey(ns)) {
                    ObjectNode nsObj = F.objectNode();
                    nsObj.put("apiVersion", "v1");
                    nsObj.put("kind", "Namespace");
                    nsObj.putObject("metadata").put("name", ns);
                    put(NAMESPACES, nsObj);
                }
            } else {
                meta.remove("namespace");
            }
            String key = key(rt, ns, name);
            ObjectNode old = map(rt).get(key);
            if (!meta.hasNonNull("uid")) {
                meta.put("uid", old != null ? old.path("metadata").path("uid").asString()
                        : UUID.randomUUID().toString());
            }
            if (!meta.hasNonNull("creationTimestamp")) {
                meta.put("creationTimestamp", old != null
                        ? old.path("metadata").path("creationTimestamp").asString() : timestamp(clock.instant()));
            }
            if (!meta.has("generation")) {
                meta.put("generation", 1);
            }
            if (old == null) {
                defaultOnCreate(rt, obj, false);
            }
            commit(old == null ? "ADDED" : "MODIFIED", rt, key, obj, old);
            return obj;
        }
    }

    /** Removes objects whose graceful deletion has run out and that have no finalizers left. */
    void expireGracePeriods() {
        synchronized (lock) {
            Instant now = clock.instant();
            for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
                ResourceType rt = types.get(e.getKey());
                for (ObjectNode o : new ArrayList<>(e.getValue().values())) {
                    JsonNode m = o.get("metadata");
                    if (m.has("deletionTimestamp") && strings(m.path("finalizers")).isEmpty()
                            && !Instant.parse(m.get("deletionTimestamp").asString()).isAfter(now)
                            && rt != null && !rt.groupResource().equals("namespaces")) {
                        String ns = m.path("namespace").asString(null);
                        commit("DELETED", rt, key(rt, ns, m.path("name").asString()), o.deepCopy(), o);
                        finishNamespace(rt, ns);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private boolean gracefulPending(ObjectNode meta) {
        JsonNode ts = meta.get("deletionTimestamp");
        return ts != null && meta.path("deletionGracePeriodSeconds").asLong(0) > 0
                && Instant.parse(ts.asString()).isAfter(clock.instant());
    }

    private long gracePeriod(ResourceType rt, ObjectNode obj, ObjectNode options) {
        if (!rt.groupResource().equals("pods")) {
            return 0;
        }
        // Pods that never reached a node are deleted at once, as the real API server does.
        if (obj.path("spec").path("nodeName").asString("").isEmpty()) {
            return 0;
        }
        if (options != null && options.hasNonNull("gracePeriodSeconds")) {
            return Math.max(0, options.get("gracePeriodSeconds").asLong());
        }
        return obj.path("spec").path("terminationGracePeriodSeconds").asLong(30);
    }

    private void emptyNamespace(String ns) {
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            ResourceType rt = types.get(e.getKey());
            if (rt == null || !rt.namespaced()) {
                continue;
            }
            for (ObjectNode o : new ArrayList<>(scoped(rt, ns).values())) {
                if (!o.path("metadata").has("deletionTimestamp")) {
                    ObjectNode opts = F.objectNode().put("gracePeriodSeconds", 0);
                    delete(rt, ns, o.path("metadata").path("name").asString(), opts, false);
                }
            }
        }
        finishNamespaceIfEmpty(ns);
    }

    private void finishNamespace(ResourceType rt, String ns) {
        if (rt.namespaced() && ns != null) {
            finishNamespaceIfEmpty(ns);
        }
    }

    /** Removes a terminating namespace once nothing is left in it. */
    private void finishNamespaceIfEmpty(String ns) {
        ObjectNode nsObj = map(NAMESPACES).get(ns);
        if (nsObj == null || !nsObj.path("metadata").has("deletionTimestamp")
                || !strings(nsObj.path("metadata").path("finalizers")).isEmpty()) {
            return;
        }
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            ResourceType rt = types.get(e.getKey());
            if (rt != null && rt.namespaced() && !scoped(rt, ns).isEmpty()) {
                return;
            }
        }
        commit("DELETED", NAMESPACES, ns, nsObj.deepCopy(), nsObj);
    }

    private void defaultOnCreate(ResourceType rt, ObjectNode obj) {
        defaultOnCreate(rt, obj, true);
    }

    private void defaultOnCreate(ResourceType rt, ObjectNode obj, boolean resetStatus) {
        if (resetStatus && rt.statusSubresource()) {
            obj.remove("status");
        }
        switch (rt.groupResource()) {
            case "namespaces" -> {
                ObjectNode status = obj.has("status") ? (ObjectNode) obj.get("status") : obj.putObject("status");
                if (!status.has("phase")) {
                    status.put("phase", "Active");
                }
                ObjectNode spec = obj.has("spec") ? (ObjectNode) obj.get("spec") : obj.putObject("spec");
                if (!spec.has("finalizers")) {
                    spec.putArray("finalizers").add("kubernetes");
                }
                ObjectNode labels = labelsOf(obj);
                labels.put("kubernetes.io/metadata.name", obj.path("metadata").path("name").asString());
                ((ObjectNode) obj.get("metadata")).set("labels", labels);
            }
            case "pods" -> {
                ObjectNode status = obj.has("status") ? (ObjectNode) obj.get("status") : obj.putObject("status");
                if (!status.has("phase")) {
                    status.put("phase", "Pending");
                }
            }
            default -> {
            }
        }
    }

    private static ObjectNode labelsOf(ObjectNode obj) {
        JsonNode l = obj.path("metadata").get("labels");
        return l instanceof ObjectNode o ? o.deepCopy() : F.objectNode();
    }

    private void commit(String type, ResourceType rt, String key, ObjectNode obj, ObjectNode previous) {
        rv++;
        ((ObjectNode) obj.get("metadata")).put("resourceVersion", Long.toString(rv));
        TreeMap<String, ObjectNode> m = map(rt);
        if (type.equals("DELETED")) {
            m.remove(key);
        } else {
            m.put(key, obj);
        }
        Event e = new Event(type, rt.groupResource(), key, obj, previous, rv);
        history.addLast(e);
        while (history.size() > historyLimit) {
            compacted = history.removeFirst().rv();
        }
        for (Watch w : watches) {
            if (w.wants(e)) {
                w.offer(e);
            }
        }
    }

    private ObjectNode checkKindAndMeta(ResourceType rt, ObjectNode obj) {
        String kind = obj.path("kind").asString("");
        String apiVersion = obj.path("apiVersion").asString("");
        if (!kind.isEmpty() && !kind.equals(rt.kind())) {
            throw ApiError.badRequest("the kind of the provided object (" + kind
                    + ") does not match the kind of the resource (" + rt.kind() + ")");
        }
        if (!apiVersion.isEmpty() && !apiVersion.equals(rt.apiVersion())) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + rt.apiVersion() + ")");
        }
        obj.put("kind", rt.kind());
        obj.put("apiVersion", rt.apiVersion());
        JsonNode meta = obj.get("metadata");
        if (meta == null || meta.isNull()) {
            return obj.putObject("metadata");
        }
        if (!(meta instanceof ObjectNode om)) {
            throw ApiError.badRequest("metadata must be an object");
        }
        return om;
    }

    private static void validateName(ResourceType rt, String name) {
        if (name.isEmpty()) {
            throw ApiError.invalid(rt, name, "FieldValueRequired", "metadata.name",
                    "Required value: name or generateName is required");
        }
        if (name.length() > 253 || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
            throw ApiError.invalid(rt, name, "FieldValueInvalid", "metadata.name",
                    "Invalid value: \"" + name + "\": a lowercase RFC 1123 subdomain must consist of lower case "
                            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
                            + "character (e.g. 'example.com', regex used for validation is "
                            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        }
    }

    private static ObjectNode specOf(ObjectNode o) {
        ObjectNode copy = F.objectNode();
        o.properties().forEach(e -> {
            if (!e.getKey().equals("metadata") && !e.getKey().equals("status")) {
                copy.set(e.getKey(), e.getValue());
            }
        });
        return copy;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    private TreeMap<String, ObjectNode> map(ResourceType rt) {
        return objects.computeIfAbsent(rt.groupResource(), k -> new TreeMap<>());
    }

    static String key(ResourceType rt, String ns, String name) {
        return rt.namespaced() ? Objects.requireNonNullElse(ns, "") + "/" + name : name;
    }

    static String timestamp(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String suffix() {
        StringBuilder b = new StringBuilder(5);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            b.append(SUFFIX_CHARS.charAt(r.nextInt(SUFFIX_CHARS.length())));
        }
        return b.toString();
    }

    Collection<ResourceType> types() {
        return types.values();
    }
}
