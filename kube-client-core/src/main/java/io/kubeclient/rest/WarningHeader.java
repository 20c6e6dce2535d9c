package io.kubeclient.rest;

import java.util.Objects;

/**
 * One warning an API server sent in a {@code Warning} response header, as apimachinery's
 * {@code net.WarningHeader}.
 *
 * @param code the warn-code; Kubernetes sends 299 for deprecation and validation warnings
 * @param agent the warn-agent, often {@code "-"}
 * @param text the warning text, unquoted and unescaped
 */
public record WarningHeader(int code, String agent, String text) {

    public WarningHeader {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(text, "text");
    }
}
