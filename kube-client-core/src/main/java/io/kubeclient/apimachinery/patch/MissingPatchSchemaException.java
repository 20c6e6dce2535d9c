package io.kubeclient.apimachinery.patch;

import io.kubeclient.KubeException;

/**
 * No schema (patch strategies and merge keys) is known for an object, so a strategic merge patch is
 * refused rather than guessed. Custom resources never have one: use a JSON merge patch or apply.
 */
public final class MissingPatchSchemaException extends KubeException {

    private static final long serialVersionUID = 1L;

    public MissingPatchSchemaException(String message) {
        super(message);
    }
}
