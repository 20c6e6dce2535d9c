package io.kubeclient.apimachinery.patch;

/** A JSON Patch {@code test} operation found a value different from the expected one. */
public final class PatchTestFailedException extends PatchApplyException {

    private static final long serialVersionUID = 1L;

    public PatchTestFailedException(String message) {
        super(message);
    }
}
