package io.kubeclient.transport;

import java.net.http.HttpTimeoutException;

/**
 * The request's timeout passed while {@link HttpTransport#send} was still receiving a response body
 * it delivers whole (a small body of declared length): the headers had arrived in time. Callers
 * report it as a timeout reading the body, never as a response that did not come, and do not
 * retry it. A transport that returns at the headers and streams the body never throws it.
 */
public final class ResponseBodyTimeoutException extends HttpTimeoutException {

    private static final long serialVersionUID = 1L;

    /** @param message what timed out, without credentials */
    public ResponseBodyTimeoutException(String message) {
        super(message);
    }
}
