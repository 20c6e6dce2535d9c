package io.kubeclient.apimachinery.meta;

/** How a list's {@code resourceVersion} is interpreted ({@code resourceVersionMatch}). */
public enum ResourceVersionMatch {
    /** Data at least as new as the given resourceVersion. */
    NOT_OLDER_THAN("NotOlderThan"),
    /** Data at exactly the given resourceVersion. */
    EXACT("Exact");

    private final String value;

    ResourceVersionMatch(String value) {
        this.value = value;
    }

    /** The query parameter value. */
    public String value() {
        return value;
    }
}
