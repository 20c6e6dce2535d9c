package io.kubeclient.discovery;

import io.kubeclient.KubeException;

/**
 * A discovery document (from {@code /api}, {@code /apis}, a group version, {@code /version} or
 * {@code /openapi/v3}) could not be read: malformed JSON, a missing required field, or an unexpected
 * content type. The message names the document's source.
 */
public class DiscoveryDocumentException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final String source;

    public DiscoveryDocumentException(String source, String message, Throwable cause) {
        super(message + " (from " + source + ")", cause);
        this.source = source;
    }

    /** Where the document came from, usually its URL or path. */
    public String source() {
        return source;
    }
}
