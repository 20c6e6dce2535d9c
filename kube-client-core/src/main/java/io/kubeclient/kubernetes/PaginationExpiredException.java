package io.kubeclient.kubernetes;

import io.kubeclient.KubeException;

/**
 * A paged list could not continue: the server no longer holds the snapshot its {@code continue}
 * token refers to (HTTP 410 {@code Expired}, typically after about five minutes). The items already
 * returned are from a snapshot that is gone; list again from the start. The server's error is the
 * cause.
 */
public final class PaginationExpiredException extends KubeException {

    private static final long serialVersionUID = 1L;

    PaginationExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
