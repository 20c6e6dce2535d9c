package io.kubeclient.spring.autoconfigure;

import io.kubeclient.ConfigException;

/**
 * A {@code kube.client.*} setting cannot be used, or no configuration can be found at all. The
 * message names the property and what is wrong; {@link #action()} says what to do. Never holds a
 * credential.
 */
public class KubeClientConfigurationException extends ConfigException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    /**
     * @param property the property at fault, such as {@code kube.client.context}
     * @param message what is wrong
     * @param action what to do about it
     * @param cause the underlying error, or {@code null}
     */
    public KubeClientConfigurationException(String property, String message, String action, Throwable cause) {
        super(property + ": " + message, null, property, cause);
        this.property = property;
        this.action = action;
    }

    /** The property at fault. */
    public String property() {
        return property;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
