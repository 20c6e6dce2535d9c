package io.kubeclient.watch;

/** The kind of change a watch {@link Event} reports, as the API server spells it on the wire. */
public enum EventType {
    /** An object was created (or is listed at the start of a watch). */
    ADDED,
    /** An object was changed. */
    MODIFIED,
    /** An object was deleted; the event carries its last state. */
    DELETED,
    /** No change: the object carries only the resourceVersion the watch has reached. */
    BOOKMARK,
    /** The watch failed; the event carries a {@code Status} instead of an object. */
    ERROR;

    /** The type named {@code wire}, or null when it is not one of the five. */
    static EventType fromWire(String wire) {
        if (wire == null) {
            return null;
        }
        switch (wire) {
            case "ADDED":
                return ADDED;
            case "MODIFIED":
                return MODIFIED;
            case "DELETED":
                return DELETED;
            case "BOOKMARK":
                return BOOKMARK;
            case "ERROR":
                return ERROR;
            default:
                return null;
        }
    }
}
