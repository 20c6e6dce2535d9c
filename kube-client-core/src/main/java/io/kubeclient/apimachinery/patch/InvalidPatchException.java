package io.kubeclient.apimachinery.patch;

/**
 * A patch document, a patch directive, a JSON Pointer or a patch schema is malformed, so no patch can be
 * computed or applied. The message says what is wrong and where.
 */
public class InvalidPatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPatchException(String message) {
        super(message);
    }
}
