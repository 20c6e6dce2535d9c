package io.kubeclient.apimachinery.errors;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.kubeclient.KubeException;

/**
 * The API server answered with an error {@code Status} (client-go's {@code StatusError}). The Status
 * is kept whole; inspect it with {@link Errors}' predicates rather than by parsing the message.
 *
 * <p>{@link #getMessage()} is the Status message verbatim, as client-go's {@code Error()}; only when
 * the server sent no message does it fall back to a description of the code and reason.
 */
public class StatusException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final int code;
    private final StatusReason reason;

    /**
     * Wraps {@code status} (copied). A null status is replaced by a {@code Failure} Status with code 0
     * and no reason, so {@link #status()} is never null.
     */
    public StatusException(Status status) {
        this(status, null);
    }

    /** Wraps {@code status} (copied), recording {@code cause}. */
    public StatusException(Status status, Throwable cause) {
        this(copyOrPlaceholder(status), cause, true);
    }

    private StatusException(Status copied, Throwable cause, boolean marker) {
        super(messageOf(copied), cause);
        this.status = copied;
        this.code = copied.getCode() == null ? 0 : copied.getCode();
        this.reason = StatusReason.of(copied.getReason());
    }

    /** A copy of the server's Status; never null. */
    public Status status() {
        return new StatusBuilder(status).build();
    }

    /** The Status {@code code} (the HTTP status code), 0 when absent. */
    public int code() {
        return code;
    }

    /** The Status {@code reason}; {@link StatusReason#UNKNOWN} when absent. */
    public StatusReason reason() {
        return reason;
    }

    /** Read-only access for {@link Errors}, avoiding a copy. */
    Status statusView() {
        return status;
    }

    private static Status copyOrPlaceholder(Status status) {
        if (status == null) {
            Status placeholder = new Status();
            placeholder.setStatus("Failure");
            placeholder.setMessage("no Status was provided for this error");
            return placeholder;
        }
        return new StatusBuilder(status).build();
    }

    private static String messageOf(Status status) {
        String message = status.getMessage();
        if (message != null && !message.isEmpty()) {
            return message;
        }
        int code = status.getCode() == null ? 0 : status.getCode();
        String reason = status.getReason();
        return "the server returned a Status with code " + code
                + (reason == null || reason.isEmpty() ? "" : " and reason " + reason)
                + " but no message";
    }
}
