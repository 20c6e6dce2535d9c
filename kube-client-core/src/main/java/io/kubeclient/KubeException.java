package io.kubeclient;

/**
 * Root of every exception kube-client throws. Unchecked, like the errors client-go returns.
 *
 * <p>Messages say what went wrong and where, and never contain a credential.
 */
public class KubeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KubeException(String message) {
        super(message);
    }

    public KubeException(String message, Throwable cause) {
        super(message, cause);
    }
}
