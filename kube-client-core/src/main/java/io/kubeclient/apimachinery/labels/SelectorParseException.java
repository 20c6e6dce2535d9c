package io.kubeclient.apimachinery.labels;

/**
 * A label selector string could not be parsed; the message names the offending token and its position.
 */
public class SelectorParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int position;

    SelectorParseException(String detail, String selector, int position, Throwable cause) {
        super(detail + " (at position " + position + " in label selector \"" + selector + "\")", cause);
        this.selector = selector;
        this.position = position;
    }

    /** The selector string that failed to parse ({@code null} if none was given). */
    public String selector() {
        return selector;
    }

    /** The zero-based character offset in {@link #selector()} where the problem was found. */
    public int position() {
        return position;
    }
}
