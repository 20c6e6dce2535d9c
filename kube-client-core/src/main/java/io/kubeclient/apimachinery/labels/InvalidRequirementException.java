package io.kubeclient.apimachinery.labels;

import java.util.List;

/** A label selector {@link Requirement} was built with an invalid key, operator or values. */
public class InvalidRequirementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    InvalidRequirementException(List<String> errors) {
        super(errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
        this.errors = List.copyOf(errors);
    }

    /** Each problem found, as {@code <field path>: Invalid value: "<value>": <detail>}. */
    public List<String> errors() {
        return errors;
    }
}
