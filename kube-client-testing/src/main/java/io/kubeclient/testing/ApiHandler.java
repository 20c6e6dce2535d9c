package io.kubeclient.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Routes every HTTP request of the fake API server: discovery, health, resources, watches. */
final class ApiHandler implements HttpHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiHandler.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String CONTINUE_EXPIRED = "The provided continue parameter is too old to display a "
            + "consistent list result. You can start a new list without the continue parameter, or use the continue "
            + "token in this response to retrieve the remainder of the results. Continuing with the provided token "
            + "results in an inconsistent list - objects that were created, modified, or deleted between the time "
            + "the first chunk was returned and now may show up in the list.";

    /** Thrown to drop a connection without finishing the response. */
    static final class Cut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cut() {
            super("connection cut by fault injection", null, false, false);
        }
    }

    private final Registry registry;
    private final Storage storage;
    private final Clock clock;
    private final Faults faults;
    private final String serverAddress;
    private volatile boolean closing;

    ApiHandler(Registry registry, Storage storage, Clock clock, Faults faults, String serverAddress) {
        this.registry = registry;
        this.storage = storage;
        this.clock = clock;
        this.faults = faults;
        this.serverAddress = serverAddress;
    }

    void closing() {
        closing = true;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        boolean abort = false;
        try {
            String path = ex.getRequestURI().getPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            Map<String, List<String>> query = parseQuery(rawQuery);
            Faults.Action action = faults.next(new Faults.Request(ex.getRequestMethod(), path,
                    rawQuery == null ? "" : rawQuery, "true".equals(first(query, "watch"))));
            boolean cut = false;
            if (action != null) {
                if (!action.latency().isZero()) {
                    try {
                        Thread.sleep(action.latency().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (action.failCode() != 0) {
                    drain(ex);
                    ApiError err = new ApiError(action.failCode(), ApiError.reasonFor(action.failCode()),
                            "injected failure (" + action.failCode() + ")", null);
                    if (action.retryAfter() != null) {
                        long secs = Math.max(1, action.retryAfter().toSeconds());
                        err.status.putObject("details").put("retryAfterSeconds", secs);
                        ex.getResponseHeaders().set("Retry-After", Long.toString(secs));
                    }
                    send(ex, err.code, err.status, false);
                    return;
                }
                cut = action.cut();
            }
            try {
                route(ex, path, query, cut);
            } catch (ApiError e) {
                drain(ex);
                send(ex, e.code, e.status, cut);
            } catch (JacksonException e) {
                ApiError err = ApiError.badRequest("the request body could not be decoded: " + e.getOriginalMessage());
                send(ex, err.code, err.status, cut);
            } catch (Cut c) {
                throw c;
            } catch (RuntimeException e) {
                LOG.warn("fake API server failed on {} {}", ex.getRequestMethod(), path, e);
                ApiError err = ApiError.internal(String.valueOf(e));
                send(ex, err.code, err.status, false);
            }
        } catch (Cut c) {
            // Leave the exchange unfinished: the server then drops the connection without ending the body.
            abort = true;
            throw c;
        } finally {
            if (!abort) {
                ex.close();
            }
        }
    }

    private void route(HttpExchange ex, String path, Map<String, List<String>> q, boolean cut) throws IOException {
        String method = ex.getRequestMethod();
        String accept = ex.getRequestHeaders().getFirst("Accept");
        switch (path) {
            case "/healthz", "/livez", "/readyz" -> {
                drain(ex);
                sendText(ex, 200, "ok", cut);
                return;
            }
            case "/version" -> {
                send(ex, 200, Discovery.version(), cut);
                return;
            }
            case "/api", "/api/" -> {
                if (Discovery.wantsAggregated(accept)) {
                    sendJson(ex, 200, Discovery.aggregated(registry, true), Discovery.AGGREGATED_CONTENT_TYPE, cut);
                } else {
                    send(ex, 200, Discovery.apiVersions(serverAddress), cut);
                }
                return;
            }
            case "/apis", "/apis/" -> {
                if (Discovery.wantsAggregated(accept)) {
                    sendJson(ex, 200, Discovery.aggregated(registry, false), Discovery.AGGREGATED_CONTENT_TYPE, cut);
                } else {
                    send(ex, 200, Discovery.groupList(registry), cut);
                }
                return;
            }
            default -> {
            }
        }
        checkAcceptable(accept);
        List<String> segs = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segs.add(s);
            }
        }
        String group;
        String version;
        int i;
        if (segs.size() >= 2 && segs.get(0).equals("api")) {
            group = "";
            version = segs.get(1);
            i = 2;
        } else if (segs.size() >= 2 && segs.get(0).equals("apis")) {
            group = segs.get(1);
            if (segs.size() == 2) {
                Map<String, List<ResourceType>> versions = registry.groups().get(group);
                if (versions == null) {
                    throw notFoundPath();
                }
                send(ex, 200, Discovery.group(group, versions), cut);
                return;
            }
            version = segs.get(2);
            i = 3;
        } else {
            throw notFoundPath();
        }
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        if (segs.size() == i) {
            List<ResourceType> types = registry.groups().getOrDefault(group, Map.of()).get(version);
            if (types == null) {
                throw notFoundPath();
            }
            send(ex, 200, Discovery.resourceList(apiVersion, types), cut);
            return;
        }
        String ns = null;
        if (segs.get(i).equals("namespaces") && segs.size() >= i + 3) {
            ResourceType inner = registry.find(apiVersion, segs.get(i + 2));
            if (inner != null && inner.namespaced()) {
                ns = segs.get(i + 1);
                i += 2;
            }
        }
        ResourceType rt = registry.find(apiVersion, segs.get(i));
        if (rt == null) {
            throw notFoundPath();
        }
        if (rt.namespaced() && ns == null && !(segs.size() == i + 1 && method.equals("GET"))) {
            throw notFoundPath();
        }
        String name = segs.size() > i + 1 ? segs.get(i + 1) : null;
        String sub = segs.size() > i + 2 ? segs.get(i + 2) : null;
        if (segs.size() > i + 3 || (sub != null && !(sub.equals("status") && rt.statusSubresource())
                && !(sub.equals("scale") && rt.scaleSubresource()))) {
            throw notFoundPath();
        }
        WriteOptions opts = writeOptions(ex, q);
        if (name == null) {
            switch (method) {
                case "GET" -> {
                    if ("true".equals(first(q, "watch")) || "1".equals(first(q, "watch"))) {
                        serveWatch(ex, rt, ns, q);
                    } else {
                        serveList(ex, rt, ns, q, accept, cut);
                    }
                }
                case "POST" -> {
                    ObjectNode created = storage.create(rt, ns, readObject(ex), opts);
                    afterWrite(rt, created, opts);
                    send(ex, 201, created, cut);
                }
                case "DELETE" -> {
                    ObjectNode options = readOptional(ex);
                    Selectors.SelectorMatcher m = Selectors.and(Selectors.labels(first(q, "labelSelector")),
                            Selectors.fields(first(q, "fieldSelector"), rt));
                    ObjectNode merged = mergeDeleteOptions(options, q);
                    List<ObjectNode> deleted = storage.deleteCollection(rt, ns, m, merged,
                            deleteDryRun(merged, opts));
                    ObjectNode list = listHeader(rt, Long.toString(storage.currentRv()), null);
                    ArrayNode items = list.putArray("items");
                    deleted.forEach(items::add);
                    send(ex, 200, list, cut);
                }
                default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
            }
            return;
        }
        if ("scale".equals(sub)) {
            serveScale(ex, rt, ns, name, method, opts, cut);
            return;
        }
        switch (method) {
            case "GET" -> {
                drain(ex);
                ObjectNode o = storage.get(rt, ns, name);
                if (Tables.wanted(accept)) {
                    send(ex, 200, Tables.table(List.of(o), null, null, first(q, "includeObject", ""),
                            clock.instant()), cut);
                } else {
                    send(ex, 200, o, cut);
                }
            }
            case "PUT" -> {
                ObjectNode updated = storage.update(rt, ns, name, readObject(ex), sub, opts);
                afterWrite(rt, updated, opts);
                send(ex, 200, updated, cut);
            }
            case "PATCH" -> servePatch(ex, rt, ns, name, sub, q, opts, cut);
            case "DELETE" -> {
                ObjectNode options = mergeDeleteOptions(readOptional(ex), q);
                boolean dryRun = deleteDryRun(options, opts);
                ObjectNode deleted = storage.delete(rt, ns, name, options, dryRun);
                if (rt == Registry.CRDS && !dryRun && storage.find(rt, ns, name) == null) {
                    unregisterCrd(deleted);
                }
                send(ex, 200, deleted, cut);
            }
            default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private static ApiError notFoundPath() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource", null);
    }

    private static void checkAcceptable(String accept) {
        if (accept == null || accept.isBlank() || accept.contains("json") || accept.contains("*/*")) {
            return;
        }
        throw new ApiError(406, "NotAcceptable", "only the following media types are accepted: application/json, "
                + "application/yaml", null);
    }

    private WriteOptions writeOptions(HttpExchange ex, Map<String, List<String>> q) {
        List<String> dry = q.getOrDefault("dryRun", List.of());
        for (String d : dry) {
            if (!d.equals("All")) {
                throw ApiError.invalid("PatchOptions", "meta.k8s.io", "", "FieldValueNotSupported", "dryRun",
                        "Unsupported value: []string{\"" + d + "\"}: supported values: \"All\"");
            }
        }
        String manager = first(q, "fieldManager");
        if (manager == null || manager.isEmpty()) {
            String ua = ex.getRequestHeaders().getFirst("User-Agent");
            manager = ua == null || ua.isBlank() ? "unknown" : ua.split("/", 2)[0];
        } else if (manager.length() > 128) {
            throw ApiError.invalid("PatchOptions", "meta.k8s.io", "", "FieldValueTooLong", "fieldManager",
                    "Too long: may not be more than 128 bytes");
        }
        return new WriteOptions(!dry.isEmpty(), manager, "true".equals(first(q, "force")));
    }

    // ---------------------------------------------------------------------------------------------- list

    private void serveList(HttpExchange ex, ResourceType rt, String ns, Map<String, List<String>> q, String accept,
            boolean cut) throws IOException {
        drain(ex);
        Selectors.SelectorMatcher m = Selectors.and(Selectors.labels(first(q, "labelSelector")),
                Selectors.fields(first(q, "fieldSelector"), rt));
        String rvParam = first(q, "resourceVersion", "");
        String match = first(q, "resourceVersionMatch", "");
        String cont = first(q, "continue", "");
        int limit = parseInt(first(q, "limit", "0"), "limit");
        if (!match.isEmpty()) {
            if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueNotSupported",
                        "resourceVersionMatch", "Unsupported value: \"" + match
                                + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
            }
            if (rvParam.isEmpty()) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden",
                        "resourceVersionMatch", "Forbidden: resourceVersionMatch is forbidden unless resourceVersion "
                                + "is provided");
            }
            if (!cont.isEmpty()) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden",
                        "resourceVersionMatch", "Forbidden: resourceVersionMatch is forbidden when continue is "
                                + "provided");
            }
            if (match.equals("Exact") && rvParam.equals("0")) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden",
                        "resourceVersionMatch", "Forbidden: resourceVersionMatch \"exact\" is forbidden for "
                                + "resourceVersion \"0\"");
            }
        }
        long at = 0;
        String startAfter = null;
        String expiredMessage;
        if (!cont.isEmpty()) {
            if (!rvParam.isEmpty() && !rvParam.equals("0")) {
                throw ApiError.badRequest("specifying resource version is not allowed when using continue");
            }
            ContinueToken t = ContinueToken.decode(cont);
            at = t.rv;
            startAfter = t.lastKey;
            expiredMessage = CONTINUE_EXPIRED;
        } else {
            long requested = rvParam.isEmpty() ? 0 : parseRv(rvParam);
            long current = storage.currentRv();
            if (requested > current) {
                ApiError err = new ApiError(504, "Timeout", "Too large resource version: " + requested
                        + ", current: " + current, F.objectNode());
                ObjectNode cause = ((ObjectNode) err.status.get("details")).putArray("causes").addObject();
                cause.put("reason", "ResourceVersionTooLarge");
                cause.put("message", "Too large resource version");
                ((ObjectNode) err.status.get("details")).put("retryAfterSeconds", 1);
                throw err;
            }
            if (match.equals("Exact")) {
                at = requested;
            }
            expiredMessage = "too old resource version: " + requested + " (" + current + ")";
        }
        Storage.Snapshot snap;
        try {
            snap = storage.snapshot(rt, ns, at, expiredMessage);
        } catch (ApiError e) {
            if (!cont.isEmpty()) {
                // The real server offers a token that continues inconsistently from the same key.
                ((ObjectNode) e.status.get("metadata")).put("continue",
                        new ContinueToken(-1, startAfter).encode());
            }
            throw e;
        }
        NavigableMap<String, ObjectNode> view = startAfter == null ? snap.items()
                : snap.items().tailMap(startAfter, false);
        List<ObjectNode> page = new ArrayList<>();
        String lastKey = null;
        String nextToken = null;
        long remaining = 0;
        boolean counting = false;
        for (Map.Entry<String, ObjectNode> e : view.entrySet()) {
            if (!m.test(e.getValue())) {
                continue;
            }
            if (counting) {
                remaining++;
                continue;
            }
            if (limit > 0 && page.size() == limit) {
                nextToken = new ContinueToken(snap.rv(), lastKey).encode();
                if (m != Selectors.SelectorMatcher.ALL) {
                    remaining = -1;
                    break;
                }
                counting = true;
                remaining = 1;
                continue;
            }
            page.add(e.getValue());
            lastKey = e.getKey();
        }
        String rv = Long.toString(snap.rv());
        if (Tables.wanted(accept)) {
            send(ex, 200, Tables.table(page, rv, nextToken, first(q, "includeObject", ""), clock.instant()), cut);
            return;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream(4096 + page.size() * 1024);
        try (JsonGenerator g = JSON.createGenerator(bos)) {
            g.writeStartObject();
            g.writeStringProperty("kind", rt.kind() + "List");
            g.writeStringProperty("apiVersion", rt.apiVersion());
            g.writeName("metadata");
            g.writeStartObject();
            g.writeStringProperty("resourceVersion", rv);
            if (nextToken != null) {
                g.writeStringProperty("continue", nextToken);
                if (remaining > 0) {
                    g.writeNumberProperty("remainingItemCount", remaining);
                }
            }
            g.writeEndObject();
            g.writeName("items");
            g.writeStartArray();
            boolean strip = rt.builtIn();
            for (ObjectNode o : page) {
                if (strip) {
                    g.writeStartObject();
                    for (Map.Entry<String, JsonNode> p : o.properties()) {
                        if (!p.getKey().equals("kind") && !p.getKey().equals("apiVersion")) {
                            g.writeName(p.getKey());
                            g.writeTree(p.getValue());
                        }
                    }
                    g.writeEndObject();
                } else {
                    g.writeTree(o);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        sendBytes(ex, 200, bos.toByteArray(), "application/json", cut);
    }

    private static ObjectNode listHeader(ResourceType rt, String rv, String cont) {
        ObjectNode list = F.objectNode();
        list.put("kind", rt.kind() + "List");
        list.put("apiVersion", rt.apiVersion());
        ObjectNode meta = list.putObject("metadata");
        meta.put("resourceVersion", rv);
        if (cont != null) {
            meta.put("continue", cont);
        }
        return list;
    }

    /** The opaque {@code continue} token: the snapshot's resource version and the last key served. */
    record ContinueToken(long rv, String lastKey) {
        String encode() {
            ObjectNode o = F.objectNode();
            o.put("v", "meta.k8s.io/v1");
            o.put("rv", rv);
            o.put("start", lastKey + "\u0000");
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(o));
        }

        static ContinueToken decode(String token) {
            try {
                JsonNode o = JSON.readTree(Base64.getUrlDecoder().decode(token));
                String start = o.path("start").asString("");
                if (!o.path("v").asString("").equals("meta.k8s.io/v1") || !start.endsWith("\u0000")) {
                    throw new IllegalArgumentException("bad token");
                }
                return new ContinueToken(o.path("rv").asLong(), start.substring(0, start.length() - 1));
            } catch (IllegalArgumentException | JacksonException e) {
                throw ApiError.badRequest("continue key is not valid: incorrect encoded start resourceVersion "
                        + "(version meta.k8s.io/v1)");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- watch

    private void serveWatch(HttpExchange ex, ResourceType rt, String ns, Map<String, List<String>> q)
            throws IOException {
        drain(ex);
        Selectors.SelectorMatcher m = Selectors.and(Selectors.labels(first(q, "labelSelector")),
                Selectors.fields(first(q, "fieldSelector"), rt));
        boolean bookmarks = "true".equals(first(q, "allowWatchBookmarks"));
        String rvParam = first(q, "resourceVersion", "");
        String match = first(q, "resourceVersionMatch", "");
        String sie = first(q, "sendInitialEvents");
        if (sie != null) {
            if (!match.equals("NotOlderThan")) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden",
                        "resourceVersionMatch", "Forbidden: sendInitialEvents requires setting "
                                + "resourceVersionMatch to NotOlderThan");
            }
            if (!bookmarks && "true".equals(sie)) {
                throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden",
                        "allowWatchBookmarks", "Forbidden: sendInitialEvents requires setting allowWatchBookmarks "
                                + "to true");
            }
        } else if (!match.isEmpty()) {
            throw ApiError.invalid("ListOptions", "meta.k8s.io", "", "FieldValueForbidden", "resourceVersionMatch",
                    "Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
        }
        boolean initial = sie != null ? sie.equals("true") : rvParam.isEmpty() || rvParam.equals("0");
        long from = rvParam.isEmpty() ? 0 : parseRv(rvParam);
        long timeout = parseInt(first(q, "timeoutSeconds", "0"), "timeoutSeconds");
        long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000_000L : Long.MAX_VALUE;

        Watch w = new Watch(rt, ns, m, bookmarks);
        storage.register(w, from, initial, "true".equals(sie));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Transfer-Encoding", "chunked");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        try {
            while (!closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Object item = w.poll(Math.min(left, 1_000_000_000L));
                int batch = 0;
                boolean end = false;
                while (item != null) {
                    if (item instanceof Watch.Stop stop) {
                        if (stop.abrupt()) {
                            os.write(buf.toByteArray());
                            os.flush();
                            throw new Cut();
                        }
                        end = true;
                        break;
                    }
                    if (writeItem(buf, w, item)) {
                        end = true;
                        break;
                    }
                    if (++batch >= 256 || buf.size() > 64 * 1024) {
                        break;
                    }
                    item = w.pollNow();
                }
                if (buf.size() > 0) {
                    os.write(buf.toByteArray());
                    os.flush();
                    buf.reset();
                }
                if (end) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.unregister(w);
        }
        os.close();
    }

    /** Writes one queued item as a watch frame; returns whether the watch must end after it. */
    private boolean writeItem(ByteArrayOutputStream buf, Watch w, Object item) {
        ObjectNode frame = F.objectNode();
        boolean end = false;
        if (item instanceof Event e) {
            String type = w.filter(e);
            if (type == null) {
                return false;
            }
            frame.put("type", type);
            frame.set("object", e.object());
        } else if (item instanceof Watch.Bookmark b) {
            frame.put("type", "BOOKMARK");
            ObjectNode o = frame.putObject("object");
            o.put("kind", w.type.kind());
            o.put("apiVersion", w.type.apiVersion());
            ObjectNode meta = o.putObject("metadata");
            meta.put("resourceVersion", Long.toString(b.rv()));
            if (b.initialEventsEnd()) {
                meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
            }
        } else if (item instanceof Watch.Expired x) {
            frame.put("type", "ERROR");
            frame.set("object", ApiError.expired(x.message()).status);
            end = true;
        } else {
            return false;
        }
        JSON.writeValue(buf, frame);
        buf.write('\n');
        return end;
    }

    // ---------------------------------------------------------------------------------------------- patch

    private void servePatch(HttpExchange ex, ResourceType rt, String ns, String name, String sub,
            Map<String, List<String>> q, WriteOptions opts, boolean cut) throws IOException {
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        String type = ct == null ? "" : ct.split(";")[0].trim();
        byte[] body = readBody(ex);
        boolean apply = type.equals("application/apply-patch+yaml") || type.equals("application/apply-patch+json");
        if (!apply && first(q, "force") != null) {
            throw ApiError.invalid("PatchOptions", "meta.k8s.io", "", "FieldValueForbidden", "force",
                    "Forbidden: may not be specified for non-apply patch");
        }
        UnaryOperator<ObjectNode> patcher;
        switch (type) {
            case "application/json-patch+json" -> {
                JsonNode ops = JSON.readTree(body);
                patcher = cur -> asObject(Patches.jsonPatch(cur, ops));
            }
            case "application/merge-patch+json" -> {
                JsonNode p = JSON.readTree(body);
                patcher = cur -> asObject(Patches.mergePatch(cur, p));
            }
            case "application/strategic-merge-patch+json" -> {
                if (!rt.builtIn()) {
                    throw ApiError.unsupportedMediaType(type);
                }
                JsonNode p = JSON.readTree(body);
                patcher = cur -> Patches.strategic(rt, cur, p);
            }
            case "application/apply-patch+yaml", "application/apply-patch+json" -> {
                String manager = first(q, "fieldManager");
                if (manager == null || manager.isEmpty()) {
                    throw ApiError.invalid("PatchOptions", "meta.k8s.io", "", "FieldValueRequired", "fieldManager",
                            "Required value: is required for apply patch");
                }
                JsonNode cfg = YAML.readTree(body);
                if (!(cfg instanceof ObjectNode applied)) {
                    throw ApiError.badRequest("error decoding YAML: the apply configuration must be an object");
                }
                if (!applied.path("apiVersion").asString("").equals(rt.apiVersion())
                        || !applied.path("kind").asString("").equals(rt.kind())) {
                    throw ApiError.badRequest("the apply configuration must set apiVersion " + rt.apiVersion()
                            + " and kind " + rt.kind());
                }
                boolean existed = storage.find(rt, ns, name) != null;
                if (rt.namespaced()) {
                    ObjectNode meta = applied.has("metadata") ? (ObjectNode) applied.get("metadata")
                            : applied.putObject("metadata");
                    String bodyNs = meta.path("namespace").asString("");
                    if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
                        throw ApiError.badRequest("the namespace of the provided object does not match the "
                                + "namespace sent on the request");
                    }
                    meta.put("namespace", ns);
                }
                ObjectNode result = storage.patch(rt, ns, name, sub, sub == null, opts,
                        cur -> ManagedFields.apply(rt, cur, applied, manager, opts.force(), clock.instant(), sub),
                        "Apply");
                afterWrite(rt, result, opts);
                send(ex, existed ? 200 : 201, result, cut);
                return;
            }
            default -> throw ApiError.unsupportedMediaType(type);
        }
        ObjectNode result = storage.patch(rt, ns, name, sub, false, opts, patcher, "Update");
        afterWrite(rt, result, opts);
        send(ex, 200, result, cut);
    }

    private static ObjectNode asObject(JsonNode n) {
        if (!(n instanceof ObjectNode o)) {
            throw ApiError.badRequest("the patch must produce a JSON object");
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------- scale

    private void serveScale(HttpExchange ex, ResourceType rt, String ns, String name, String method,
            WriteOptions opts, boolean cut) throws IOException {
        switch (method) {
            case "GET" -> {
                drain(ex);
                send(ex, 200, scaleOf(storage.get(rt, ns, name)), cut);
            }
            case "PUT", "PATCH" -> {
                String ct = ex.getRequestHeaders().getFirst("Content-Type");
                String type = ct == null ? "" : ct.split(";")[0].trim();
                JsonNode body = JSON.readTree(readBody(ex));
                ObjectNode result = storage.patch(rt, ns, name, null, false, opts, cur -> {
                    ObjectNode scale = scaleOf(cur);
                    JsonNode wanted = switch (method.equals("PUT") ? "put" : type) {
                        case "put" -> body;
                        case "application/json-patch+json" -> Patches.jsonPatch(scale, body);
                        case "application/merge-patch+json", "application/strategic-merge-patch+json" ->
                                Patches.mergePatch(scale, body);
                        default -> throw ApiError.unsupportedMediaType(type);
                    };
                    String wantRv = wanted.path("metadata").path("resourceVersion").asString("");
                    if (!wantRv.isEmpty() && !wantRv.equals(cur.path("metadata").path("resourceVersion").asString())) {
                        throw ApiError.modified(rt, name);
                    }
                    JsonNode replicas = wanted.path("spec").path("replicas");
                    if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
                        throw ApiError.invalid("Scale", "autoscaling", name, "FieldValueInvalid", "spec.replicas",
                                "Invalid value: " + replicas + ": must be greater than or equal to 0");
                    }
                    ObjectNode spec = cur.has("spec") ? (ObjectNode) cur.get("spec") : cur.putObject("spec");
                    spec.put("replicas", replicas.asInt());
                    return cur;
                }, "Update");
                send(ex, 200, scaleOf(result), cut);
            }
            default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private static ObjectNode scaleOf(ObjectNode o) {
        ObjectNode s = F.objectNode();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        JsonNode om = o.get("metadata");
        for (String k : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (om.has(k)) {
                meta.set(k, om.get(k));
            }
        }
        s.putObject("spec").put("replicas", o.path("spec").path("replicas").asInt(1));
        ObjectNode status = s.putObject("status");
        status.put("replicas", o.path("status").path("replicas").asInt(0));
        JsonNode ml = o.path("spec").path("selector").path("matchLabels");
        if (ml.isObject() && !ml.isEmpty()) {
            List<String> parts = new ArrayList<>();
            ml.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asString()));
            status.put("selector", String.join(",", parts));
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- CRDs

    private void afterWrite(ResourceType rt, ObjectNode obj, WriteOptions opts) {
        if (rt != Registry.CRDS || opts.dryRun()) {
            return;
        }
        JsonNode spec = obj.path("spec");
        String group = spec.path("group").asString("");
        JsonNode names = spec.path("names");
        if (group.isEmpty() || !names.has("plural") || !names.has("kind")) {
            return;
        }
        for (JsonNode v : spec.path("versions")) {
            if (!v.path("served").asBoolean(true)) {
                continue;
            }
            List<String> shortNames = new ArrayList<>();
            names.path("shortNames").forEach(n -> shortNames.add(n.asString()));
            JsonNode subs = v.path("subresources");
            registry.register(new ResourceType(group, v.path("name").asString(), names.path("kind").asString(),
                    names.path("plural").asString(), names.path("singular").asString(""),
                    !"Cluster".equals(spec.path("scope").asString("Namespaced")), subs.has("status"),
                    subs.has("scale"), shortNames));
        }
    }

    private void unregisterCrd(ObjectNode crd) {
        String group = crd.path("spec").path("group").asString("");
        String plural = crd.path("spec").path("names").path("plural").asString("");
        registry.unregister(plural + "." + group);
    }

    // ---------------------------------------------------------------------------------------------- I/O

    /**
     * Whether a delete is a dry run: from the query or, as client-go sends it, from the {@code DeleteOptions}
     * body's {@code dryRun} list (whose values are validated like the query's).
     */
    private static boolean deleteDryRun(ObjectNode options, WriteOptions opts) {
        boolean dry = opts.dryRun();
        JsonNode list = options.get("dryRun");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiError.badRequest("DeleteOptions.dryRun must be a list of strings");
            }
            for (JsonNode d : list) {
                if (!"All".equals(d.asString(""))) {
                    throw ApiError.invalid("DeleteOptions", "meta.k8s.io", "", "FieldValueNotSupported", "dryRun",
                            "Unsupported value: []string{\"" + d.asString("") + "\"}: supported values: \"All\"");
                }
                dry = true;
            }
        }
        return dry;
    }

    private static ObjectNode mergeDeleteOptions(ObjectNode body, Map<String, List<String>> q) {
        ObjectNode o = body == null ? F.objectNode() : body;
        String grace = first(q, "gracePeriodSeconds");
        if (grace != null) {
            o.put("gracePeriodSeconds", parseInt(grace, "gracePeriodSeconds"));
        }
        return o;
    }

    private static ObjectNode readObject(HttpExchange ex) throws IOException {
        JsonNode n = JSON.readTree(readBody(ex));
        if (!(n instanceof ObjectNode o)) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return o;
    }

    private static ObjectNode readOptional(HttpExchange ex) throws IOException {
        byte[] b = readBody(ex);
        if (b.length == 0) {
            return null;
        }
        JsonNode n = JSON.readTree(b);
        return n instanceof ObjectNode o ? o : null;
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void drain(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // already read and closed
        }
    }

    private static void send(HttpExchange ex, int code, JsonNode body, boolean cut) throws IOException {
        sendJson(ex, code, body, "application/json", cut);
    }

    private static void sendJson(HttpExchange ex, int code, JsonNode body, String contentType, boolean cut)
            throws IOException {
        sendBytes(ex, code, JSON.writeValueAsBytes(body), contentType, cut);
    }

    private static void sendText(HttpExchange ex, int code, String text, boolean cut) throws IOException {
        sendBytes(ex, code, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", cut);
    }

    private static void sendBytes(HttpExchange ex, int code, byte[] bytes, String contentType, boolean cut)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(code, bytes.length);
        OutputStream os = ex.getResponseBody();
        if (cut) {
            os.write(bytes, 0, bytes.length / 2);
            os.flush();
            throw new Cut();
        }
        os.write(bytes);
        os.close();
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String first(Map<String, List<String>> q, String key, String dflt) {
        String v = first(q, key);
        return v == null ? dflt : v;
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + what + ": " + s);
        }
    }

    private static long parseRv(String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resource version: " + s);
        }
    }
}
