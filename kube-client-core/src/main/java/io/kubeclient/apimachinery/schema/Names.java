package io.kubeclient.apimachinery.schema;

/** Argument checks shared by the schema value types. */
final class Names {

    private Names() {
    }

    static String require(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null (use \"\" for none)");
        }
        return value;
    }
}
