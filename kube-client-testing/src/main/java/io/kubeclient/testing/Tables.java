package io.kubeclient.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Server-side printing: a {@code meta.k8s.io/v1 Table} with Name and Age columns for any resource. */
final class Tables {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Tables() {
    }

    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
    }

    static ObjectNode table(List<ObjectNode> items, String resourceVersion, String cont, String includeObject,
            Instant now) {
        if (!List.of("", "None", "Metadata", "Object").contains(includeObject)) {
            throw ApiError.badRequest("includeObject: Unsupported value: \"" + includeObject
                    + "\": supported values: \"Metadata\", \"None\", \"Object\"");
        }
        ObjectNode t = F.objectNode();
        t.put("kind", "Table");
        t.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = t.putObject("metadata");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        if (cont != null) {
            meta.put("continue", cont);
        }
        ArrayNode cols = t.putArray("columnDefinitions");
        cols.addObject().put("name", "Name").put("type", "string").put("format", "name")
                .put("description", "Name must be unique within a namespace.").put("priority", 0);
        cols.addObject().put("name", "Age").put("type", "string").put("format", "")
                .put("description", "CreationTimestamp is a timestamp representing the server time when this "
                        + "object was created.").put("priority", 0);
        ArrayNode rows = t.putArray("rows");
        for (ObjectNode o : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(o.path("metadata").path("name").asString(""));
            String created = o.path("metadata").path("creationTimestamp").asString("");
            cells.add(created.isEmpty() ? "<unknown>" : age(Duration.between(Instant.parse(created), now)));
            switch (includeObject) {
                case "None" -> {
                }
                case "Object" -> row.set("object", o);
                default -> {
                    ObjectNode partial = row.putObject("object");
                    partial.put("kind", "PartialObjectMetadata");
                    partial.put("apiVersion", "meta.k8s.io/v1");
                    JsonNode m = o.get("metadata");
                    partial.set("metadata", m == null ? F.objectNode() : m);
                }
            }
        }
        return t;
    }

    /**
     * The API server's Age: apimachinery's {@code duration.HumanDuration} (what the built-in table printers
     * use since Kubernetes 1.21), precise while the value is small: {@code 42s}, {@code 119s}, {@code 5m30s},
     * {@code 90m}, {@code 3h15m}, {@code 20h}, {@code 3d4h}, {@code 30d}, {@code 2y100d}, {@code 9y}.
     */
    static String age(Duration d) {
        long s = d.getSeconds();
        if (s < -1) {
            return "<invalid>";
        }
        if (s < 0) {
            return "0s";
        }
        if (s < 2 * 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 10) {
            return withRest(m, "m", s % 60, "s");
        }
        if (m < 3 * 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 8) {
            return withRest(h, "h", m % 60, "m");
        }
        if (h < 48) {
            return h + "h";
        }
        if (h < 8 * 24) {
            return withRest(h / 24, "d", h % 24, "h");
        }
        long days = h / 24;
        if (h < 2 * 365 * 24) {
            return days + "d";
        }
        if (h < 8 * 365 * 24) {
            return withRest(days / 365, "y", days % 365, "d");
        }
        return days / 365 + "y";
    }

    private static String withRest(long value, String unit, long rest, String restUnit) {
        return rest == 0 ? value + unit : value + unit + rest + restUnit;
    }
}
