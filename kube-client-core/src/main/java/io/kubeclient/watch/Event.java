package io.kubeclient.watch;

import io.fabric8.kubernetes.api.model.Status;
import java.util.Objects;

/**
 * One event of a watch: a change to an object, or, for {@link EventType#ERROR}, the server's
 * {@link Status} explaining why the watch failed.
 *
 * @param type what happened
 * @param object the object, or null for {@code ERROR}
 * @param status the error status for {@code ERROR}, otherwise null
 * @param <T> the type of the watched objects
 */
public record Event<T>(EventType type, T object, Status status) {

    /** Checks that {@code ERROR} carries a status and every other type an object. */
    public Event {
        Objects.requireNonNull(type, "type");
        if (type == EventType.ERROR) {
            Objects.requireNonNull(status, "an ERROR event needs a status");
            if (object != null) {
                throw new IllegalArgumentException("an ERROR event carries a status, not an object");
            }
        } else {
            Objects.requireNonNull(object, "a " + type + " event needs an object");
            if (status != null) {
                throw new IllegalArgumentException("only ERROR events carry a status");
            }
        }
    }

    /** An event of a non-error type about {@code object}. */
    public static <T> Event<T> of(EventType type, T object) {
        return new Event<>(type, object, null);
    }

    /** An {@code ERROR} event carrying {@code status}. */
    public static <T> Event<T> error(Status status) {
        return new Event<>(EventType.ERROR, null, status);
    }
}
