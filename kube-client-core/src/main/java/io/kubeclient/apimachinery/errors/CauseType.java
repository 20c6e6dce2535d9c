package io.kubeclient.apimachinery.errors;

/**
 * The {@code reason} values of a {@code StatusCause} ({@code metav1.CauseType}), for
 * {@link Errors#hasStatusCause} and {@link Errors#statusCause}. Servers may send others.
 */
public final class CauseType {

    /** A required value was not found. */
    public static final String FIELD_VALUE_NOT_FOUND = "FieldValueNotFound";
    /** A required value was not provided. */
    public static final String FIELD_VALUE_REQUIRED = "FieldValueRequired";
    /** A value must be unique but was duplicated. */
    public static final String FIELD_VALUE_DUPLICATE = "FieldValueDuplicate";
    /** A value was invalid. */
    public static final String FIELD_VALUE_INVALID = "FieldValueInvalid";
    /** A value is not one of the supported values. */
    public static final String FIELD_VALUE_NOT_SUPPORTED = "FieldValueNotSupported";
    /** A value is forbidden in this context. */
    public static final String FIELD_VALUE_FORBIDDEN = "FieldValueForbidden";
    /** A value is too long. */
    public static final String FIELD_VALUE_TOO_LONG = "FieldValueTooLong";
    /** A list has too many items. */
    public static final String FIELD_VALUE_TOO_MANY = "FieldValueTooMany";
    /** An internal error unrelated to the input. */
    public static final String INTERNAL_ERROR = "InternalError";
    /** A value has the wrong type. */
    public static final String FIELD_VALUE_TYPE_INVALID = "FieldValueTypeInvalid";
    /** The response was not a recognisable API object (set by the client for body-less errors). */
    public static final String UNEXPECTED_SERVER_RESPONSE = "UnexpectedServerResponse";
    /** A server-side apply conflict with another field manager. */
    public static final String FIELD_MANAGER_CONFLICT = "FieldManagerConflict";
    /** The requested resourceVersion is newer than the server has seen. */
    public static final String RESOURCE_VERSION_TOO_LARGE = "ResourceVersionTooLarge";

    private CauseType() {
    }
}
