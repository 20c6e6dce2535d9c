package io.kubeclient.transport;

import java.net.http.HttpTimeoutException;

/**
 * The request's timeout passed while {@link HttpTransport#send} was still receiving a response body
 * it delivers whole (a small body of declared length): the headers had arrived in time.
 * {@code Request} reports it as a timeout reading the body, as it does for a streamed body, rather
 * than as a response that never came. A transport that returns at the headers and streams every
 * body never throws it.
 */
public final class ResponseBodyTimeoutException extends HttpTimeoutException {

    private static final long serialVersionUID = 1L;

    /** @param message what timed out, without credentials */
    public ResponseBodyTimeoutException(String message) {
        super(message);
    }
}
