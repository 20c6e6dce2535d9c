package io.kubeclient.apimachinery.errors;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Predicates over API errors and constructors for them, with the semantics of client-go's
 * {@code k8s.io/apimachinery/pkg/api/errors}.
 *
 * <p>Predicates accept any {@link Throwable} (or null) and look for the first {@link StatusException}
 * on its cause chain, as Go's {@code errors.As}; without one they return false. Most match the reason,
 * or the HTTP code when the reason is not one of {@link StatusReason#knownReasons()}.
 *
 * <p>Constructors build the Status an API server would send, with upstream's exact messages. Null
 * string arguments are treated as empty, as Go's zero value.
 */
public final class Errors {

    private static final String FAILURE = "Failure";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Errors() {
    }

    // ---------------------------------------------------------------- predicates

    /** Reason {@code NotFound}, or code 404 with an unknown reason. */
    public static boolean isNotFound(Throwable err) {
        return reasonOrCode(err, StatusReason.NOT_FOUND, 404);
    }

    /** Reason {@code AlreadyExists} only. */
    public static boolean isAlreadyExists(Throwable err) {
        return reasonForError(err).equals(StatusReason.ALREADY_EXISTS);
    }

    /** Reason {@code Conflict}, or code 409 with an unknown reason (an {@code AlreadyExists} 409 is not a conflict). */
    public static boolean isConflict(Throwable err) {
        return reasonOrCode(err, StatusReason.CONFLICT, 409);
    }

    /** Reason {@code Invalid}, or code 422 with an unknown reason. */
    public static boolean isInvalid(Throwable err) {
        return reasonOrCode(err, StatusReason.INVALID, 422);
    }

    /** Reason {@code Gone}, or code 410 with an unknown reason. */
    public static boolean isGone(Throwable err) {
        return reasonOrCode(err, StatusReason.GONE, 410);
    }

    /** Reason {@code Expired} only (a body-less 410 is {@link #isGone gone} but not expired). */
    public static boolean isResourceExpired(Throwable err) {
        return reasonForError(err).equals(StatusReason.EXPIRED);
    }

    /** Reason {@code NotAcceptable}, or code 406 with an unknown reason. */
    public static boolean isNotAcceptable(Throwable err) {
        return reasonOrCode(err, StatusReason.NOT_ACCEPTABLE, 406);
    }

    /** Reason {@code UnsupportedMediaType}, or code 415 with an unknown reason. */
    public static boolean isUnsupportedMediaType(Throwable err) {
        return reasonOrCode(err, StatusReason.UNSUPPORTED_MEDIA_TYPE, 415);
    }

    /** Reason {@code MethodNotAllowed}, or code 405 with an unknown reason. */
    public static boolean isMethodNotSupported(Throwable err) {
        return reasonOrCode(err, StatusReason.METHOD_NOT_ALLOWED, 405);
    }

    /** Reason {@code ServiceUnavailable}, or code 503 with an unknown reason. */
    public static boolean isServiceUnavailable(Throwable err) {
        return reasonOrCode(err, StatusReason.SERVICE_UNAVAILABLE, 503);
    }

    /** Reason {@code BadRequest}, or code 400 with an unknown reason. */
    public static boolean isBadRequest(Throwable err) {
        return reasonOrCode(err, StatusReason.BAD_REQUEST, 400);
    }

    /** Reason {@code Unauthorized}, or code 401 with an unknown reason. */
    public static boolean isUnauthorized(Throwable err) {
        return reasonOrCode(err, StatusReason.UNAUTHORIZED, 401);
    }

    /** Reason {@code Forbidden}, or code 403 with an unknown reason. */
    public static boolean isForbidden(Throwable err) {
        return reasonOrCode(err, StatusReason.FORBIDDEN, 403);
    }

    /** Reason {@code Timeout}, or code 504 with an unknown reason. */
    public static boolean isTimeout(Throwable err) {
        return reasonOrCode(err, StatusReason.TIMEOUT, 504);
    }

    /** Reason {@code ServerTimeout} only (no HTTP code means "retryable timeout"). */
    public static boolean isServerTimeout(Throwable err) {
        return reasonForError(err).equals(StatusReason.SERVER_TIMEOUT);
    }

    /** Reason {@code InternalError}, or code 500 with an unknown reason. */
    public static boolean isInternalError(Throwable err) {
        return reasonOrCode(err, StatusReason.INTERNAL_ERROR, 500);
    }

    /** Reason {@code TooManyRequests}, or code 429 whatever the reason (kept for compatibility upstream). */
    public static boolean isTooManyRequests(Throwable err) {
        StatusException e = find(err);
        return e != null && (e.reason().equals(StatusReason.TOO_MANY_REQUESTS) || e.code() == 429);
    }

    /** Reason {@code RequestEntityTooLarge}, or code 413 whatever the reason. */
    public static boolean isRequestEntityTooLarge(Throwable err) {
        StatusException e = find(err);
        return e != null && (e.reason().equals(StatusReason.REQUEST_ENTITY_TOO_LARGE) || e.code() == 413);
    }

    /** Reason {@code StorageReadError} only. */
    public static boolean isStoreReadError(Throwable err) {
        return reasonForError(err).equals(StatusReason.STORE_READ_ERROR);
    }

    /**
     * Whether the response was not in the API's format (a cause of type
     * {@link CauseType#UNEXPECTED_SERVER_RESPONSE}), so may come from another HTTP actor such as a proxy.
     */
    public static boolean isUnexpectedServerError(Throwable err) {
        return hasStatusCause(err, CauseType.UNEXPECTED_SERVER_RESPONSE);
    }

    /** Whether the cause chain holds an {@link UnexpectedObjectException}. */
    public static boolean isUnexpectedObjectError(Throwable err) {
        for (Throwable t : chain(err)) {
            if (t instanceof UnexpectedObjectException) {
                return true;
            }
        }
        return false;
    }

    /** The Status reason of the error, {@link StatusReason#UNKNOWN} for null or non-API errors. */
    public static StatusReason reasonForError(Throwable err) {
        StatusException e = find(err);
        return e == null ? StatusReason.UNKNOWN : e.reason();
    }

    /**
     * The delay the server asks for, as {@code SuggestsClientDelay}: requires Status details; reason
     * {@code ServerTimeout} always suggests {@code retryAfterSeconds} (even 0), otherwise only a
     * positive {@code retryAfterSeconds} does.
     */
    public static OptionalInt suggestsClientDelay(Throwable err) {
        StatusException e = find(err);
        if (e == null || e.statusView().getDetails() == null) {
            return OptionalInt.empty();
        }
        Integer retry = e.statusView().getDetails().getRetryAfterSeconds();
        int seconds = retry == null ? 0 : retry;
        if (e.reason().equals(StatusReason.SERVER_TIMEOUT) || seconds > 0) {
            return OptionalInt.of(seconds);
        }
        return OptionalInt.empty();
    }

    /** Whether the Status details hold a cause whose {@code reason} (type) is {@code causeType}. */
    public static boolean hasStatusCause(Throwable err, String causeType) {
        return statusCause(err, causeType).isPresent();
    }

    /** A copy of the first Status cause whose {@code reason} (type) is {@code causeType}. */
    public static Optional<StatusCause> statusCause(Throwable err, String causeType) {
        StatusException e = find(err);
        if (e == null || e.statusView().getDetails() == null || e.statusView().getDetails().getCauses() == null) {
            return Optional.empty();
        }
        String wanted = causeType == null ? "" : causeType;
        for (StatusCause cause : e.statusView().getDetails().getCauses()) {
            String type = cause == null || cause.getReason() == null ? "" : cause.getReason();
            if (cause != null && type.equals(wanted)) {
                return Optional.of(new StatusCauseBuilder(cause).build());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- objects

    /**
     * The error an object received in a watch stands for, as {@code FromObject}: a {@link Status}, or an
     * unstructured object ({@link GenericKubernetesResource} or {@code Map}) with {@code kind: Status}
     * and {@code apiVersion} {@code v1} or {@code meta.k8s.io/v1}, gives a {@link StatusException};
     * anything else an {@link UnexpectedObjectException}. An unstructured Status whose fields have the
     * wrong types gives a {@link KubeException} saying so.
     */
    public static KubeException fromObject(Object object) {
        if (object instanceof Status status) {
            return new StatusException(status);
        }
        Object kind;
        Object apiVersion;
        if (object instanceof GenericKubernetesResource resource) {
            kind = resource.getKind();
            apiVersion = resource.getApiVersion();
        } else if (object instanceof Map<?, ?> map) {
            kind = map.get("kind");
            apiVersion = map.get("apiVersion");
        } else {
            return new UnexpectedObjectException(object);
        }
        if (!"Status".equals(kind)) {
            return new UnexpectedObjectException(object);
        }
        Status status;
        try {
            status = MAPPER.convertValue(object, Status.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return new KubeException("cannot read the Status object: " + e.getMessage(), e);
        }
        if (!"v1".equals(apiVersion) && !"meta.k8s.io/v1".equals(apiVersion)) {
            return new UnexpectedObjectException(object);
        }
        return new StatusException(status);
    }

    // ---------------------------------------------------------------- constructors

    /** 404 {@code NotFound}: {@code <resource.group> "<name>" not found}. */
    public static StatusException newNotFound(GroupResource resource, String name) {
        requireResource(resource);
        return error(404, StatusReason.NOT_FOUND,
                resource + " " + GoQuote.quote(str(name)) + " not found",
                details(resource.group(), resource.resource(), name, 0, null));
    }

    /** 409 {@code AlreadyExists}: {@code <resource.group> "<name>" already exists}. */
    public static StatusException newAlreadyExists(GroupResource resource, String name) {
        requireResource(resource);
        return error(409, StatusReason.ALREADY_EXISTS,
                resource + " " + GoQuote.quote(str(name)) + " already exists",
                details(resource.group(), resource.resource(), name, 0, null));
    }

    /** 409 {@code AlreadyExists} when {@code generateName} gave no unique name; suggests a retry delay. */
    public static StatusException newGenerateNameConflict(GroupResource resource, String name, int retryAfterSeconds) {
        requireResource(resource);
        return error(409, StatusReason.ALREADY_EXISTS,
                resource + " " + GoQuote.quote(str(name))
                        + " already exists, the server was not able to generate a unique name for the object",
                details(resource.group(), resource.resource(), name, retryAfterSeconds, null));
    }

    /** 401 {@code Unauthorized} with {@code message}, or {@code not authorized} when empty. */
    public static StatusException newUnauthorized(String message) {
        String m = str(message);
        return error(401, StatusReason.UNAUTHORIZED, m.isEmpty() ? "not authorized" : m, null);
    }

    /**
     * 403 {@code Forbidden}: {@code <resource.group> "<name>" is forbidden: <err>}, without the name when
     * empty, or {@code forbidden: <err>} when the resource is empty.
     */
    public static StatusException newForbidden(GroupResource resource, String name, Throwable err) {
        return newForbidden(resource, name, describe(err));
    }

    /** {@link #newForbidden(GroupResource, String, Throwable)} with the reason as text. */
    public static StatusException newForbidden(GroupResource resource, String name, String reason) {
        requireResource(resource);
        String n = str(name);
        String message;
        if (resource.isEmpty()) {
            message = "forbidden: " + str(reason);
        } else if (n.isEmpty()) {
            message = resource + " is forbidden: " + str(reason);
        } else {
            message = resource + " " + GoQuote.quote(n) + " is forbidden: " + str(reason);
        }
        return error(403, StatusReason.FORBIDDEN, message, details(resource.group(), resource.resource(), n, 0, null));
    }

    /** 409 {@code Conflict}: {@code Operation cannot be fulfilled on <resource.group> "<name>": <err>}. */
    public static StatusException newConflict(GroupResource resource, String name, Throwable err) {
        return newConflict(resource, name, describe(err));
    }

    /** {@link #newConflict(GroupResource, String, Throwable)} with the reason as text. */
    public static StatusException newConflict(GroupResource resource, String name, String reason) {
        requireResource(resource);
        return error(409, StatusReason.CONFLICT,
                "Operation cannot be fulfilled on " + resource + " " + GoQuote.quote(str(name)) + ": " + str(reason),
                details(resource.group(), resource.resource(), name, 0, null));
    }

    /** 409 {@code Conflict} for server-side apply, carrying the conflicting fields as causes. */
    public static StatusException newApplyConflict(List<StatusCause> causes, String message) {
        return error(409, StatusReason.CONFLICT, str(message), details("", "", "", 0, copyCauses(causes)));
    }

    /** 410 {@code Gone} with {@code message}; upstream deprecates it in favour of {@link #newResourceExpired}. */
    public static StatusException newGone(String message) {
        return error(410, StatusReason.GONE, str(message), null);
    }

    /** 410 {@code Expired} with {@code message}, e.g. a resourceVersion too old for a watch. */
    public static StatusException newResourceExpired(String message) {
        return error(410, StatusReason.EXPIRED, str(message), null);
    }

    /**
     * 422 {@code Invalid}: {@code <Kind.group> "<name>" is invalid: <errors>} where each error is
     * {@code <field>: <message>} of a cause (one error bare, several as {@code [a, b]} without duplicates),
     * or just {@code ... is invalid} without causes. The causes are kept in the details.
     */
    public static StatusException newInvalid(GroupKind kind, String name, List<StatusCause> causes) {
        if (kind == null) {
            throw new IllegalArgumentException("group kind must not be null (use GroupKind.of(\"\", \"\") for none)");
        }
        List<StatusCause> copied = copyCauses(causes);
        Set<String> messages = new LinkedHashSet<>();
        for (StatusCause cause : copied) {
            messages.add(str(cause.getField()) + ": " + str(cause.getMessage()));
        }
        String message = kind + " " + GoQuote.quote(str(name)) + " is invalid";
        if (messages.size() == 1) {
            message += ": " + messages.iterator().next();
        } else if (messages.size() > 1) {
            message += ": [" + String.join(", ", messages) + "]";
        }
        return error(422, StatusReason.INVALID, message, details(kind.group(), kind.kind(), name, 0, copied));
    }

    /** 400 {@code BadRequest} with {@code message}. */
    public static StatusException newBadRequest(String message) {
        return error(400, StatusReason.BAD_REQUEST, str(message), null);
    }

    /** 429 {@code TooManyRequests} with {@code message} and a retry delay (details always present). */
    public static StatusException newTooManyRequests(String message, int retryAfterSeconds) {
        return error(429, StatusReason.TOO_MANY_REQUESTS, str(message), details("", "", "", retryAfterSeconds, null));
    }

    /** 429 {@code TooManyRequests}: {@code Too many requests: <message>}, without details. */
    public static StatusException newTooManyRequestsError(String message) {
        return error(429, StatusReason.TOO_MANY_REQUESTS, "Too many requests: " + str(message), null);
    }

    /** 503 {@code ServiceUnavailable} with {@code message}. */
    public static StatusException newServiceUnavailable(String message) {
        return error(503, StatusReason.SERVICE_UNAVAILABLE, str(message), null);
    }

    /** 405 {@code MethodNotAllowed}: {@code <action> is not supported on resources of kind "<resource.group>"}. */
    public static StatusException newMethodNotSupported(GroupResource resource, String action) {
        requireResource(resource);
        return error(405, StatusReason.METHOD_NOT_ALLOWED,
                str(action) + " is not supported on resources of kind " + GoQuote.quote(resource.toString()),
                details(resource.group(), resource.resource(), "", 0, null));
    }

    /**
     * 500 {@code ServerTimeout}: {@code The <operation> operation against <resource.group> could not be
     * completed at this time, please try again.}; the operation is recorded as the details' name.
     */
    public static StatusException newServerTimeout(GroupResource resource, String operation, int retryAfterSeconds) {
        requireResource(resource);
        return error(500, StatusReason.SERVER_TIMEOUT,
                "The " + str(operation) + " operation against " + resource
                        + " could not be completed at this time, please try again.",
                details(resource.group(), resource.resource(), operation, retryAfterSeconds, null));
    }

    /** 500 {@code InternalError}: {@code Internal error occurred: <err>}, the error also as a cause. */
    public static StatusException newInternalError(Throwable err) {
        return newInternalError(describe(err));
    }

    /** {@link #newInternalError(Throwable)} with the error as text. */
    public static StatusException newInternalError(String message) {
        StatusCause cause = new StatusCause();
        cause.setMessage(str(message));
        return error(500, StatusReason.INTERNAL_ERROR, "Internal error occurred: " + str(message),
                details("", "", "", 0, List.of(cause)));
    }

    /** 504 {@code Timeout}: {@code Timeout: <message>}, with a retry delay (details always present). */
    public static StatusException newTimeoutError(String message, int retryAfterSeconds) {
        return error(504, StatusReason.TIMEOUT, "Timeout: " + str(message),
                details("", "", "", retryAfterSeconds, null));
    }

    /** 413 {@code RequestEntityTooLarge}: {@code Request entity too large: <message>}. */
    public static StatusException newRequestEntityTooLarge(String message) {
        return error(413, StatusReason.REQUEST_ENTITY_TOO_LARGE, "Request entity too large: " + str(message), null);
    }

    /**
     * The error for a response without a usable Status body, as {@code NewGenericServerResponse}: the
     * reason and message derive from {@code code} (409 is {@code AlreadyExists} for {@code POST}, other
     * 5xx are {@code InternalError}, codes such as 410, 413 and 3xx get an empty reason), with a
     * {@code (<verb> <resource.group> <name>)} suffix when the resource is known.
     *
     * @param code the HTTP status code
     * @param verb the HTTP method, upper case as sent
     * @param resource the resource requested, empty (or null) when not known
     * @param name the object name, may be empty
     * @param serverMessage the (truncated) response body, or {@code unknown} when it was not text
     * @param retryAfterSeconds the {@code Retry-After} seconds, 0 when absent
     * @param isUnexpectedResponse whether to add an {@link CauseType#UNEXPECTED_SERVER_RESPONSE} cause
     */
    public static StatusException newGenericServerResponse(int code, String verb, GroupResource resource, String name,
            String serverMessage, int retryAfterSeconds, boolean isUnexpectedResponse) {
        GroupResource gr = resource == null ? GroupResource.of("", "") : resource;
        String v = str(verb);
        String n = str(name);
        String server = str(serverMessage);
        StatusReason reason = StatusReason.UNKNOWN;
        String message = "the server responded with the status code " + code + " but did not return more information";
        switch (code) {
            case 409 -> {
                reason = v.equals("POST") ? StatusReason.ALREADY_EXISTS : StatusReason.CONFLICT;
                message = "the server reported a conflict";
            }
            case 404 -> {
                reason = StatusReason.NOT_FOUND;
                message = "the server could not find the requested resource";
            }
            case 400 -> {
                reason = StatusReason.BAD_REQUEST;
                message = "the server rejected our request for an unknown reason";
            }
            case 401 -> {
                reason = StatusReason.UNAUTHORIZED;
                message = "the server has asked for the client to provide credentials";
            }
            case 403 -> {
                reason = StatusReason.FORBIDDEN;
                message = server;
            }
            case 406 -> {
                reason = StatusReason.NOT_ACCEPTABLE;
                message = server.isEmpty() || server.equals("unknown")
                        ? "the server was unable to respond with a content type that the client supports"
                        : server;
            }
            case 415 -> {
                reason = StatusReason.UNSUPPORTED_MEDIA_TYPE;
                message = server;
            }
            case 405 -> {
                reason = StatusReason.METHOD_NOT_ALLOWED;
                message = "the server does not allow this method on the requested resource";
            }
            case 422 -> {
                reason = StatusReason.INVALID;
                message = "the server rejected our request due to an error in our request";
            }
            case 503 -> {
                reason = StatusReason.SERVICE_UNAVAILABLE;
                message = "the server is currently unable to handle the request";
            }
            case 504 -> {
                reason = StatusReason.TIMEOUT;
                message = "the server was unable to return a response in the time allotted,"
                        + " but may still be processing the request";
            }
            case 429 -> {
                reason = StatusReason.TOO_MANY_REQUESTS;
                message = "the server has received too many requests and has asked us to try again later";
            }
            default -> {
                if (code >= 500) {
                    reason = StatusReason.INTERNAL_ERROR;
                    message = "an error on the server (" + GoQuote.quote(server)
                            + ") has prevented the request from succeeding";
                }
            }
        }
        if (!gr.isEmpty() && !n.isEmpty()) {
            message = message + " (" + v.toLowerCase(Locale.ROOT) + " " + gr + " " + n + ")";
        } else if (!gr.isEmpty()) {
            message = message + " (" + v.toLowerCase(Locale.ROOT) + " " + gr + ")";
        }
        List<StatusCause> causes = null;
        if (isUnexpectedResponse) {
            StatusCause cause = new StatusCause();
            cause.setReason(CauseType.UNEXPECTED_SERVER_RESPONSE);
            cause.setMessage(server.isEmpty() ? null : server);
            causes = List.of(cause);
        }
        return error(code, reason, message, details(gr.group(), gr.resource(), n, retryAfterSeconds, causes));
    }

    // ---------------------------------------------------------------- internals

    private static boolean reasonOrCode(Throwable err, StatusReason reason, int code) {
        StatusException e = find(err);
        if (e == null) {
            return false;
        }
        return e.reason().equals(reason) || (!e.reason().isKnown() && e.code() == code);
    }

    /** The first StatusException on the cause chain, or null. */
    private static StatusException find(Throwable err) {
        for (Throwable t : chain(err)) {
            if (t instanceof StatusException e) {
                return e;
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable err) {
        if (err == null) {
            return List.of();
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = err; t != null && seen.add(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static StatusException error(int code, StatusReason reason, String message, StatusDetails details) {
        Status status = new StatusBuilder()
                .withMetadata(new ListMeta())
                .withStatus(FAILURE)
                .withCode(code)
                .withReason(reason.isUnknown() ? null : reason.value())
                .withMessage(message.isEmpty() ? null : message)
                .withDetails(details)
                .build();
        return new StatusException(status);
    }

    /** Details with Go's omitempty: empty strings and a zero delay are left unset. */
    private static StatusDetails details(String group, String kind, String name, int retryAfterSeconds,
            List<StatusCause> causes) {
        StatusDetails details = new StatusDetails();
        details.setGroup(emptyToNull(group));
        details.setKind(emptyToNull(kind));
        details.setName(emptyToNull(name));
        details.setRetryAfterSeconds(retryAfterSeconds == 0 ? null : retryAfterSeconds);
        details.setCauses(causes == null ? new ArrayList<>() : new ArrayList<>(causes));
        return details;
    }

    private static List<StatusCause> copyCauses(List<StatusCause> causes) {
        List<StatusCause> out = new ArrayList<>();
        if (causes != null) {
            for (StatusCause cause : causes) {
                if (cause == null) {
                    throw new IllegalArgumentException("status causes must not contain null");
                }
                out.add(new StatusCauseBuilder(cause).build());
            }
        }
        return out;
    }

    private static void requireResource(GroupResource resource) {
        if (resource == null) {
            throw new IllegalArgumentException(
                    "group resource must not be null (use GroupResource.of(\"\", \"\") for none)");
        }
    }

    private static String describe(Throwable err) {
        if (err == null) {
            throw new IllegalArgumentException("error must not be null");
        }
        return err.getMessage() != null ? err.getMessage() : err.toString();
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
