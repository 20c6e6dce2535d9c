package io.kubeclient.apimachinery.fields;

/**
 * A field selector string, or a value to unescape, could not be parsed; the message names the offending term or
 * escape sequence.
 */
public class SelectorParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    SelectorParseException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The zero-based character offset of the problem in the string being parsed, or -1 when not applicable. */
    public int position() {
        return position;
    }
}
