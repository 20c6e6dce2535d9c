package io.kubeclient.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Label and field selector matching for list, watch and deleteCollection.
 *
 * <p>The label grammar is parsed here privately until {@code io.kubeclient.apimachinery.labels} lands on
 * main; the fake then switches to it. Invalid selectors become a 400 as on the real server.
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
        List<Predicate<JsonNode>> reqs = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            reqs.add(labelRequirement(part.trim(), selector));
        }
        return o -> {
            JsonNode labels = o.path("metadata").path("labels");
            for (Predicate<JsonNode> r : reqs) {
                if (!r.test(labels)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> labelRequirement(String req, String whole) {
        if (req.isEmpty()) {
            throw ApiError.badRequest("unable to parse requirement: found '', expected: identifier in \"" + whole + "\"");
        }
        if (req.startsWith("!")) {
            String key = validKey(req.substring(1).trim(), whole);
            return l -> !l.has(key);
        }
        String[] setOps = {" notin ", " in "};
        for (String op : setOps) {
            int i = req.indexOf(op);
            if (i > 0) {
                String key = validKey(req.substring(0, i).trim(), whole);
                String rest = req.substring(i + op.length()).trim();
                if (!rest.startsWith("(") || !rest.endsWith(")")) {
                    throw ApiError.badRequest("unable to parse requirement: found '" + rest
                            + "', expected: '(' in \"" + whole + "\"");
                }
                Set<String> values = new java.util.HashSet<>();
                for (String v : rest.substring(1, rest.length() - 1).split(",", -1)) {
                    values.add(validValue(v.trim(), whole));
                }
                boolean in = op.equals(" in ");
                return l -> in ? l.has(key) && values.contains(l.get(key).asString())
                        : !l.has(key) || !values.contains(l.get(key).asString());
            }
        }
        for (String op : new String[] {"!=", "==", "=", ">", "<"}) {
            int i = req.indexOf(op);
            if (i > 0) {
                String key = validKey(req.substring(0, i).trim(), whole);
                String value = validValue(req.substring(i + op.length()).trim(), whole);
                switch (op) {
                    case "!=":
                        return l -> !l.has(key) || !l.get(key).asString().equals(value);
                    case ">":
                    case "<":
                        long bound = number(value, whole);
                        boolean gt = op.equals(">");
                        return l -> {
                            if (!l.has(key)) {
                                return false;
                            }
                            try {
                                long v = Long.parseLong(l.get(key).asString());
                                return gt ? v > bound : v < bound;
                            } catch (NumberFormatException e) {
                                return false;
                            }
                        };
                    default:
                        return l -> l.has(key) && l.get(key).asString().equals(value);
                }
            }
        }
        String key = validKey(req, whole);
        return l -> l.has(key);
    }

    private static long number(String v, String whole) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an"
                    + " integer in \"" + whole + "\"");
        }
    }

    private static String validKey(String key, String whole) {
        if (!key.matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")) {
            throw ApiError.badRequest("unable to parse requirement: invalid label key \"" + key + "\" in \""
                    + whole + "\"");
        }
        return key;
    }

    private static String validValue(String value, String whole) {
        if (!value.isEmpty() && !value.matches("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")) {
            throw ApiError.badRequest("unable to parse requirement: invalid label value: \"" + value + "\" in \""
                    + whole + "\"");
        }
        return value;
    }

    /** Splits on commas outside parentheses. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static SelectorMatcher fields(String selector, ResourceType rt) {
        if (selector == null || selector.isBlank()) {
            return SelectorMatcher.ALL;
        }
        List<Predicate<ObjectNode>> reqs = new ArrayList<>();
        for (String part : splitUnescaped(selector, ',')) {
            String term = part.trim();
            String op = term.contains("!=") ? "!=" : term.contains("==") ? "==" : term.contains("=") ? "=" : null;
            if (op == null) {
                throw ApiError.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            int i = term.indexOf(op);
            String field = term.substring(0, i).trim();
            String value = unescape(term.substring(i + op.length()).trim());
            if (!COMMON_FIELDS.contains(field) && !KIND_FIELDS.getOrDefault(rt.plural(), Set.of()).contains(field)) {
                throw ApiError.badRequest("field label not supported: " + field);
            }
            boolean neg = op.equals("!=");
            reqs.add(o -> fieldValue(o, field).equals(value) != neg);
        }
        return o -> {
            for (Predicate<ObjectNode> r : reqs) {
                if (!r.test(o)) {
                    return false;
                }
            }
            return true;
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

    private static List<String> splitUnescaped(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
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
