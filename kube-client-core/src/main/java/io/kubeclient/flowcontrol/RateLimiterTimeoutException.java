package io.kubeclient.flowcontrol;

import io.kubeclient.KubeException;

/** A rate limiter could not hand out a token within the time the caller allowed. */
public class RateLimiterTimeoutException extends KubeException {

    private static final long serialVersionUID = 1L;

    public RateLimiterTimeoutException(String message) {
        super(message);
    }
}
