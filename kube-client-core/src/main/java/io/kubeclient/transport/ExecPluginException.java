package io.kubeclient.transport;

import io.kubeclient.KubeException;

/**
 * An exec credential plugin could not supply credentials: it is missing, failed, timed out or
 * printed something that is not a valid {@code ExecCredential}. Never contains the plugin's
 * output or standard error, which may hold secrets; standard error goes to the log.
 */
public class ExecPluginException extends KubeException {

    private static final long serialVersionUID = 1L;

    public ExecPluginException(String message) {
        super(message);
    }

    public ExecPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
