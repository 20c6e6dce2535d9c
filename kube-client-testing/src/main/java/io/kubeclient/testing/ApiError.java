package io.kubeclient.testing;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A failure the fake answers with a {@code metav1.Status} body, as the real API server does. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    final int code;
    final transient ObjectNode status;
    transient long retryAfterSeconds;

    ApiError(int code, String reason, String message, ObjectNode details) {
        super(message, null, false, false);
        this.code = code;
        this.status = F.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
    }

    static ObjectNode details(String name, ResourceType rt) {
        ObjectNode d = F.objectNode();
        if (name != null && !name.isEmpty()) {
            d.put("name", name);
        }
        if (rt != null) {
            if (!rt.group().isEmpty()) {
                d.put("group", rt.group());
            }
            d.put("kind", rt.plural());
        }
        return d;
    }

    static ApiError notFound(ResourceType rt, String name) {
        return new ApiError(404, "NotFound", rt.groupResource() + " \"" + name + "\" not found", details(name, rt));
    }

    static ApiError namespaceNotFound(String ns) {
        ObjectNode d = F.objectNode();
        d.put("name", ns);
        d.put("kind", "namespaces");
        return new ApiError(404, "NotFound", "namespaces \"" + ns + "\" not found", d);
    }

    static ApiError alreadyExists(ResourceType rt, String name) {
        return new ApiError(409, "AlreadyExists", rt.groupResource() + " \"" + name + "\" already exists",
                details(name, rt));
    }

    static ApiError conflict(ResourceType rt, String name, String why) {
        return new ApiError(409, "Conflict",
                "Operation cannot be fulfilled on " + rt.groupResource() + " \"" + name + "\": " + why,
                details(name, rt));
    }

    static ApiError modified(ResourceType rt, String name) {
        return conflict(rt, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 422 with one cause per {@code [type, field, message]} triple. */
    static ApiError invalid(ResourceType rt, String name, String... causeTriples) {
        return invalid(rt.kind(), rt.group(), name, causeTriples);
    }

    /** 422 for an object of any kind, such as {@code ListOptions} in {@code meta.k8s.io}. */
    static ApiError invalid(String kind, String group, String name, String... causeTriples) {
        ObjectNode d = F.objectNode();
        d.put("name", name == null ? "" : name);
        if (!group.isEmpty()) {
            d.put("group", group);
        }
        d.put("kind", kind);
        ArrayNode causes = d.putArray("causes");
        StringBuilder msg = new StringBuilder();
        for (int i = 0; i + 2 < causeTriples.length; i += 3) {
            ObjectNode c = causes.addObject();
            c.put("reason", causeTriples[i]);
            c.put("message", causeTriples[i + 2]);
            c.put("field", causeTriples[i + 1]);
            if (msg.length() > 0) {
                msg.append(", ");
            }
            msg.append(causeTriples[i + 1]).append(": ").append(causeTriples[i + 2]);
        }
        String kindGroup = group.isEmpty() ? kind : kind + "." + group;
        String text = kindGroup + " \"" + (name == null ? "" : name) + "\" is invalid: "
                + (causes.size() > 1 ? "[" + msg + "]" : msg.toString());
        return new ApiError(422, "Invalid", text, d);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    static ApiError expired(String message) {
        return new ApiError(410, "Expired", message, null);
    }

    static ApiError methodNotAllowed(String message) {
        return new ApiError(405, "MethodNotAllowed", message, null);
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml", null);
    }

    static ApiError internal(String message) {
        return new ApiError(500, "InternalError", "Internal error occurred: " + message, null);
    }

    static ApiError forbidden(ResourceType rt, String name, String why) {
        return new ApiError(403, "Forbidden", rt.groupResource() + " \"" + name + "\" is forbidden: " + why,
                details(name, rt));
    }

    /** The reason conventionally paired with an HTTP status code, for injected faults. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "";
        };
    }
}
