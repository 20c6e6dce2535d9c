package io.kubeclient.apimachinery.labels;

import java.util.Arrays;
import java.util.List;

/** The operator of a label selector {@link Requirement}, as client-go's {@code selection.Operator}. */
public enum Operator {
    /** {@code !key}: the label is absent. */
    DOES_NOT_EXIST("!"),
    /** {@code key=value}. */
    EQUALS("="),
    /** {@code key==value}; same meaning as {@link #EQUALS}, kept so the selector prints as written. */
    DOUBLE_EQUALS("=="),
    /** {@code key in (a,b)}. */
    IN("in"),
    /** {@code key!=value}: matches when the label is absent or has another value. */
    NOT_EQUALS("!="),
    /** {@code key notin (a,b)}: matches when the label is absent or has none of the values. */
    NOT_IN("notin"),
    /** {@code key}: the label is present, whatever its value. */
    EXISTS("exists"),
    /** {@code key>n}: the label value is an integer greater than {@code n}. */
    GREATER_THAN("gt"),
    /** {@code key<n}: the label value is an integer less than {@code n}. */
    LESS_THAN("lt");

    private final String value;

    Operator(String value) {
        this.value = value;
    }

    /** The operator's client-go string form ({@code "!"}, {@code "="}, {@code "in"}, {@code "gt"}, ...). */
    public String value() {
        return value;
    }

    /**
     * Looks up an operator by its client-go string form.
     *
     * @throws IllegalArgumentException when no operator has that form
     */
    public static Operator fromValue(String value) {
        for (Operator op : values()) {
            if (op.value.equals(value)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unsupported value: \"" + value + "\": supported values: "
                + supportedValues());
    }

    static String supportedValues() {
        List<String> quoted = Arrays.stream(new Operator[] {IN, NOT_IN, EQUALS, DOUBLE_EQUALS, NOT_EQUALS,
                GREATER_THAN, LESS_THAN, EXISTS, DOES_NOT_EXIST}).map(o -> "\"" + o.value + "\"").toList();
        return String.join(", ", quoted);
    }
}
