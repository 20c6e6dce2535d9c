package io.kubeclient.apimachinery.patch;

import io.kubeclient.KubeException;

/**
 * A well-formed patch cannot be applied to its target, for example because a JSON Patch operation
 * names a path that does not exist. The message names the operation and the path.
 */
public class PatchApplyException extends KubeException {

    private static final long serialVersionUID = 1L;

    public PatchApplyException(String message) {
        super(message);
    }
}
