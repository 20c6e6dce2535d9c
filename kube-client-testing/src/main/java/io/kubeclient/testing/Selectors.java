package io.kubeclient.testing;

import io.kubeclient.apimachinery.fields.Fields;
import io.kubeclient.apimachinery.fields.Requirement;
import io.kubeclient.apimachinery.labels.Labels;
import io.kubeclient.apimachinery.labels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Label and field selector matching for list, watch and deleteCollection, on the client's own parsers
 * ({@link Labels#parse}, {@link Fields#parseSelector}). Invalid selectors become a 400 as on the real server.
 */
final class Selectors {

    /** Matches a stored object. */
    interface SelectorMatcher extends Predicate<ObjectNode> {
        SelectorMatcher ALL = o -> true;
    }

    private static final Set<String> COMMON_FIELDS = Set.of("metadata.name", "metadata.namespace");
    private static final Map<String, Set<String>> KIND_FIELDS = Map.of(
            "pods", Set.of("status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                    "spec.serviceAccountName", "spec.hostNetwork", "status.podIP", "status.nominatedNodeName"),
            "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            "secrets", Set.of("type"),
            "namespaces", Set.of("status.phase"),
            "nodes", Set.of("spec.unschedulable"),
            "replicasets", Set.of("status.replicas"),
            "jobs", Set.of("status.successful"));

    private Selectors() {
    }

    static SelectorMatcher labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return SelectorMatcher.ALL;
        }
        Selector parsed;
        try {
            parsed = Labels.parse(selector);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("unable to parse requirement: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            return SelectorMatcher.ALL;
        }
        return o -> parsed.matches(labelMap(o.path("metadata").path("labels")));
    }

    private static Map<String, String> labelMap(JsonNode labels) {
        Map<String, String> m = new HashMap<>();
        labels.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString()));
        return m;
    }

    static SelectorMatcher fields(String selector, ResourceType rt) {
        if (selector == null || selector.isBlank()) {
            return SelectorMatcher.ALL;
        }
        io.kubeclient.apimachinery.fields.Selector parsed;
        try {
            parsed = Fields.parseSelector(selector);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Set<String> allowed = KIND_FIELDS.getOrDefault(rt.plural(), Set.of());
        for (Requirement r : parsed.requirements()) {
            if (!COMMON_FIELDS.contains(r.field()) && !allowed.contains(r.field())) {
                throw ApiError.badRequest("field label not supported: " + r.field());
            }
        }
        if (parsed.isEmpty()) {
            return SelectorMatcher.ALL;
        }
        return o -> {
            Map<String, String> values = new HashMap<>();
            for (Requirement r : parsed.requirements()) {
                values.put(r.field(), fieldValue(o, r.field()));
            }
            return parsed.matches(values);
        };
    }

    private static String fieldValue(ObjectNode o, String field) {
        if (field.equals("source")) {
            return o.path("source").path("component").asString("");
        }
        JsonNode n = o;
        for (String p : field.split("\\.")) {
            n = n.path(p);
        }
        if (n.isMissingNode() || n.isNull()) {
            return field.equals("spec.hostNetwork") || field.equals("spec.unschedulable") ? "false" : "";
        }
        return n.asString();
    }

    static SelectorMatcher and(SelectorMatcher a, SelectorMatcher b) {
        if (a == SelectorMatcher.ALL) {
            return b;
        }
        if (b == SelectorMatcher.ALL) {
            return a;
        }
        return o -> a.test(o) && b.test(o);
    }
}
