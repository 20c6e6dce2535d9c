package io.kubeclient;

/**
 * A transport failure: the connection could not be made, was reset, or timed out before the server
 * answered. The server sent no status; compare {@code StatusException}.
 */
public class KubeIOException extends KubeException {

    private static final long serialVersionUID = 1L;

    public KubeIOException(String message, Throwable cause) {
        super(message, cause);
    }

    public KubeIOException(String message) {
        super(message);
    }
}
