package io.kubeclient.apimachinery.meta;

/** How the server treats unknown or duplicate fields in a request body ({@code fieldValidation}). */
public enum FieldValidation {
    /** Drop them silently. */
    IGNORE("Ignore"),
    /** Drop them and report each in a {@code Warning} header (the server default). */
    WARN("Warn"),
    /** Fail the request with {@code BadRequest}. */
    STRICT("Strict");

    private final String value;

    FieldValidation(String value) {
        this.value = value;
    }

    /** The query parameter value. */
    public String value() {
        return value;
    }
}
