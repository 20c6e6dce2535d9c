package io.kubeclient.testing;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failure the fake answers with a {@code metav1.Status} body, as the real API server does. The Status
 * comes from the client's own {@link Errors} constructors, so server and client agree on every message.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    final int code;
    final transient ObjectNode status;
    transient long retryAfterSeconds;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ApiError(StatusException e) {
        super(e.getMessage(), null, false, false);
        this.code = e.code();
        this.status = JSON.valueToTree(e.status());
        if (!status.has("metadata")) {
            status.putObject("metadata");
        }
    }

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

    private static GroupResource gr(ResourceType rt) {
        return GroupResource.of(rt.group(), rt.plural());
    }

    static ApiError notFound(ResourceType rt, String name) {
        return new ApiError(Errors.newNotFound(gr(rt), name));
    }

    static ApiError namespaceNotFound(String ns) {
        return new ApiError(Errors.newNotFound(GroupResource.of("", "namespaces"), ns));
    }

    static ApiError alreadyExists(ResourceType rt, String name) {
        return new ApiError(Errors.newAlreadyExists(gr(rt), name));
    }

    static ApiError conflict(ResourceType rt, String name, String why) {
        return new ApiError(Errors.newConflict(gr(rt), name, why));
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
        List<StatusCause> causes = new ArrayList<>();
        for (int i = 0; i + 2 < causeTriples.length; i += 3) {
            StatusCause c = new StatusCause();
            c.setReason(causeTriples[i]);
            c.setField(causeTriples[i + 1]);
            c.setMessage(causeTriples[i + 2]);
            causes.add(c);
        }
        return new ApiError(Errors.newInvalid(GroupKind.of(group, kind), name == null ? "" : name, causes));
    }

    static ApiError applyConflict(List<StatusCause> causes, String message) {
        return new ApiError(Errors.newApplyConflict(causes, message));
    }

    static ApiError badRequest(String message) {
        return new ApiError(Errors.newBadRequest(message));
    }

    static ApiError expired(String message) {
        return new ApiError(Errors.newResourceExpired(message));
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
        return new ApiError(Errors.newInternalError(message));
    }

    static ApiError forbidden(ResourceType rt, String name, String why) {
        return new ApiError(Errors.newForbidden(gr(rt), name, why));
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
