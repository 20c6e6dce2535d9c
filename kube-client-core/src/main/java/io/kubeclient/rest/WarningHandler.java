package io.kubeclient.rest;

/**
 * Receives the warnings an API server sends in {@code Warning} response headers (RFC 7234
 * format, code 299), as client-go's {@code WarningHandler}.
 */
@FunctionalInterface
public interface WarningHandler {

    /**
     * Called once per warning header value.
     *
     * @param code the warn-code, 299 for Kubernetes deprecation and validation warnings
     * @param agent the warn-agent, often {@code "-"}
     * @param text the warning text, unquoted
     */
    void handleWarning(int code, String agent, String text);
}
