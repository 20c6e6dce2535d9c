package io.kubeclient.apimachinery.patch;

/**
 * The two objects given to a patch helper are of different kinds or API versions, so a patch between
 * them would be meaningless. Thrown before any request is made.
 */
public final class IncompatibleObjectsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IncompatibleObjectsException(String message) {
        super(message);
    }
}
