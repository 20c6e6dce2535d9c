package io.kubeclient.apimachinery.fields;

import java.util.Map;
import java.util.Objects;

/**
 * One term of a field selector: {@code field=value} or {@code field!=value}, with the value unescaped.
 *
 * @param field the field path, such as {@code metadata.name}
 * @param operator the comparison
 * @param value the unescaped value
 */
public record Requirement(String field, Operator operator, String value) {

    /** The comparison of a field selector term. */
    public enum Operator {
        /** {@code =} (also written {@code ==}): the field has the value; a missing field counts as {@code ""}. */
        EQUALS,
        /** {@code !=}: the field does not have the value; a missing field counts as {@code ""}. */
        NOT_EQUALS
    }

    /** Builds a term; all parts are required (use {@code ""} for an empty value). */
    public Requirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /** Whether the fields satisfy this term; absent fields (and a null map) compare as {@code ""}. */
    public boolean matches(Map<String, String> fields) {
        String actual = fields == null ? null : fields.get(field);
        boolean equal = value.equals(actual == null ? "" : actual);
        return operator == Operator.EQUALS ? equal : !equal;
    }

    /** {@code field=value} or {@code field!=value}, with the value escaped. */
    @Override
    public String toString() {
        return field + (operator == Operator.EQUALS ? "=" : "!=") + Fields.escapeValue(value);
    }
}
