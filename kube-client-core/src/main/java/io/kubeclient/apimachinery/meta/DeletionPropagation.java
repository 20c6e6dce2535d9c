package io.kubeclient.apimachinery.meta;

/** Whether and how garbage collection deletes an object's dependents ({@code propagationPolicy}). */
public enum DeletionPropagation {
    /** Leave dependents, removing their owner references. */
    ORPHAN("Orphan"),
    /** Delete the object now and its dependents in the background. */
    BACKGROUND("Background"),
    /** Delete dependents first; the object stays, with a finalizer, until they are gone. */
    FOREGROUND("Foreground");

    private final String value;

    DeletionPropagation(String value) {
        this.value = value;
    }

    /** The wire value. */
    public String value() {
        return value;
    }
}
