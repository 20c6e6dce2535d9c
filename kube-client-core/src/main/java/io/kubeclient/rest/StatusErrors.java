package io.kubeclient.rest;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kubeclient.KubeException;
import java.util.List;
import java.util.Locale;

/**
 * Adapter to the errors package: builds client-go's generic status for bodies that are not a
 * {@code Status}, and turns a status into the exception callers see.
 *
 * <p>TEMPORARY until {@code io.kubeclient.apimachinery.errors} lands on main.
 */
final class StatusErrors {

    private StatusErrors() {}

    static KubeException fromStatus(Status status) {
        return new PendingStatusException(status);
    }

    /** The Status client-go's {@code NewGenericServerResponse} derives from a code when the server sent none. */
    static KubeException generic(int code, String verb, String group, String resource, String name,
            String serverMessage, int retryAfterSeconds) {
        String reason;
        String message;
        switch (code) {
            case 409 -> {
                reason = "POST".equals(verb) ? "AlreadyExists" : "Conflict";
                message = "the server reported a conflict";
            }
            case 404 -> {
                reason = "NotFound";
                message = "the server could not find the requested resource";
            }
            case 400 -> {
                reason = "BadRequest";
                message = "the server rejected our request for an unknown reason";
            }
            case 401 -> {
                reason = "Unauthorized";
                message = "the server has asked for the client to provide credentials";
            }
            case 403 -> {
                reason = "Forbidden";
                message = serverMessage;
            }
            case 406 -> {
                reason = "NotAcceptable";
                message = serverMessage.isEmpty() || serverMessage.equals("unknown")
                        ? "the server was unable to respond with a content type that the client supports"
                        : serverMessage;
            }
            case 415 -> {
                reason = "UnsupportedMediaType";
                message = serverMessage;
            }
            case 405 -> {
                reason = "MethodNotAllowed";
                message = "the server does not allow this method on the requested resource";
            }
            case 422 -> {
                reason = "Invalid";
                message = "the server rejected our request due to an error in our request";
            }
            case 503 -> {
                reason = "ServiceUnavailable";
                message = "the server is currently unable to handle the request";
            }
            case 504 -> {
                reason = "Timeout";
                message = "the server was unable to return a response in the time allotted,"
                        + " but may still be processing the request";
            }
            case 429 -> {
                reason = "TooManyRequests";
                message = "the server has received too many requests and has asked us to try again later";
            }
            default -> {
                if (code >= 500) {
                    reason = "InternalError";
                    message = "an error on the server (" + goQuote(serverMessage)
                            + ") has prevented the request from succeeding";
                } else {
                    reason = "";
                    message = "the server responded with the status code " + code
                            + " but did not return more information";
                }
            }
        }
        if (!resource.isEmpty()) {
            String qualified = group.isEmpty() ? resource : resource + "." + group;
            message = message + " (" + verb.toLowerCase(Locale.ROOT) + " " + qualified
                    + (name.isEmpty() ? "" : " " + name) + ")";
        }
        StatusDetails details = new StatusDetails();
        details.setGroup(group);
        details.setKind(resource);
        details.setName(name);
        details.setRetryAfterSeconds(retryAfterSeconds);
        details.setCauses(List.of(new StatusCause(null, serverMessage, "UnexpectedServerResponse")));
        Status status = new Status();
        status.setApiVersion("v1");
        status.setKind("Status");
        status.setMetadata(new ListMeta());
        status.setStatus("Failure");
        status.setCode(code);
        status.setReason(reason);
        status.setMessage(message);
        status.setDetails(details);
        return fromStatus(status);
    }

    /** Go's {@code %q} for the characters a server message realistically holds. */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Stand-in for {@code StatusException} until the errors package lands. */
    static final class PendingStatusException extends KubeException {
        private static final long serialVersionUID = 1L;
        private final transient Status status;

        PendingStatusException(Status status) {
            super(status.getMessage() == null ? "" : status.getMessage());
            this.status = status;
        }

        Status status() {
            return status;
        }

        int code() {
            return status.getCode() == null ? 0 : status.getCode();
        }
    }
}
