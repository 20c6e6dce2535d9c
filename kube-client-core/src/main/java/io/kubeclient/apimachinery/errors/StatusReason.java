package io.kubeclient.apimachinery.errors;

import java.util.Set;

/**
 * The machine-readable {@code reason} of a {@code metav1.Status}, such as {@code NotFound}. Known
 * reasons are constants; any other string the server sends is kept verbatim, and {@link #UNKNOWN} is
 * the empty reason.
 *
 * @param value the wire value, empty for an unknown reason
 */
public record StatusReason(String value) {

    /** No reason given ({@code ""}). */
    public static final StatusReason UNKNOWN = new StatusReason("");
    /** {@code Unauthorized} (401). */
    public static final StatusReason UNAUTHORIZED = new StatusReason("Unauthorized");
    /** {@code Forbidden} (403). */
    public static final StatusReason FORBIDDEN = new StatusReason("Forbidden");
    /** {@code NotFound} (404). */
    public static final StatusReason NOT_FOUND = new StatusReason("NotFound");
    /** {@code AlreadyExists} (409). */
    public static final StatusReason ALREADY_EXISTS = new StatusReason("AlreadyExists");
    /** {@code Conflict} (409). */
    public static final StatusReason CONFLICT = new StatusReason("Conflict");
    /** {@code Gone} (410). */
    public static final StatusReason GONE = new StatusReason("Gone");
    /** {@code Invalid} (422). */
    public static final StatusReason INVALID = new StatusReason("Invalid");
    /** {@code ServerTimeout} (500, the client should retry after {@code retryAfterSeconds}). */
    public static final StatusReason SERVER_TIMEOUT = new StatusReason("ServerTimeout");
    /** {@code StorageReadError} (500). */
    public static final StatusReason STORE_READ_ERROR = new StatusReason("StorageReadError");
    /** {@code Timeout} (504). */
    public static final StatusReason TIMEOUT = new StatusReason("Timeout");
    /** {@code TooManyRequests} (429). */
    public static final StatusReason TOO_MANY_REQUESTS = new StatusReason("TooManyRequests");
    /** {@code BadRequest} (400). */
    public static final StatusReason BAD_REQUEST = new StatusReason("BadRequest");
    /** {@code MethodNotAllowed} (405). */
    public static final StatusReason METHOD_NOT_ALLOWED = new StatusReason("MethodNotAllowed");
    /** {@code NotAcceptable} (406). */
    public static final StatusReason NOT_ACCEPTABLE = new StatusReason("NotAcceptable");
    /** {@code RequestEntityTooLarge} (413). */
    public static final StatusReason REQUEST_ENTITY_TOO_LARGE = new StatusReason("RequestEntityTooLarge");
    /** {@code UnsupportedMediaType} (415). */
    public static final StatusReason UNSUPPORTED_MEDIA_TYPE = new StatusReason("UnsupportedMediaType");
    /** {@code InternalError} (500). */
    public static final StatusReason INTERNAL_ERROR = new StatusReason("InternalError");
    /** {@code Expired} (410). */
    public static final StatusReason EXPIRED = new StatusReason("Expired");
    /** {@code ServiceUnavailable} (503). */
    public static final StatusReason SERVICE_UNAVAILABLE = new StatusReason("ServiceUnavailable");

    private static final Set<StatusReason> KNOWN = Set.of(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, ALREADY_EXISTS,
            CONFLICT, GONE, INVALID, SERVER_TIMEOUT, STORE_READ_ERROR, TIMEOUT, TOO_MANY_REQUESTS, BAD_REQUEST,
            METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, REQUEST_ENTITY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR,
            EXPIRED, SERVICE_UNAVAILABLE);

    /** @throws IllegalArgumentException when {@code value} is null */
    public StatusReason {
        if (value == null) {
            throw new IllegalArgumentException("status reason must not be null (use \"\" for unknown)");
        }
    }

    /** The reason for a wire value; null and {@code ""} give {@link #UNKNOWN}. */
    public static StatusReason of(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : new StatusReason(value);
    }

    /** The reasons client-go's predicates know; every constant here except {@link #UNKNOWN}. */
    public static Set<StatusReason> knownReasons() {
        return KNOWN;
    }

    /**
     * Whether this is one of the {@link #knownReasons() known reasons}. Predicates such as
     * {@link Errors#isNotFound} fall back to the HTTP code only for reasons that are not known.
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** Whether this is the empty reason. */
    public boolean isUnknown() {
        return value.isEmpty();
    }

    /** The wire value. */
    @Override
    public String toString() {
        return value;
    }
}
