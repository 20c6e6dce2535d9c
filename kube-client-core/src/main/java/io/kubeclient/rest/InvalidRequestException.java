package io.kubeclient.rest;

import io.kubeclient.KubeException;

/**
 * A request was built with invalid parts (a bad name, a namespace set twice, an unreadable body
 * file) and was not sent. The message is client-go's.
 */
public final class InvalidRequestException extends KubeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
