package io.kubeclient.apimachinery.managedfields;

/** An object's {@code metadata.managedFields} entry or its {@code fieldsV1} set is malformed. */
public final class InvalidManagedFieldsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidManagedFieldsException(String message) {
        super(message);
    }
}
