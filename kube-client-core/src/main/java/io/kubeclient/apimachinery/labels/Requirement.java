package io.kubeclient.apimachinery.labels;

import io.kubeclient.apimachinery.validation.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One clause of a label selector: a key, an {@link Operator} and a set of values, validated on construction as
 * client-go's {@code labels.NewRequirement}. Immutable; values are kept sorted and de-duplicated.
 */
public final class Requirement {

    private final String key;
    private final Operator operator;
    private final List<String> values;

    private Requirement(String key, Operator operator, List<String> values) {
        this.key = key;
        this.operator = operator;
        this.values = values;
    }

    /**
     * Builds a validated requirement.
     *
     * @throws InvalidRequirementException listing every problem: an invalid key, a value count the operator does
     *     not allow ({@code in}/{@code notin} need at least one, {@code =}/{@code ==}/{@code !=}/{@code gt}/{@code lt}
     *     exactly one, {@code exists}/{@code !} none), a non-integer {@code gt}/{@code lt} value, or an invalid value
     */
    public static Requirement of(String key, Operator operator, String... values) {
        return of(key, operator, values == null ? List.of() : Arrays.asList(values));
    }

    /** As {@link #of(String, Operator, String...)}, with the values as a collection. */
    public static Requirement of(String key, Operator operator, Collection<String> values) {
        List<String> vals = values == null ? List.of() : new ArrayList<>(values);
        List<String> errs = new ArrayList<>();
        if (key == null) {
            errs.add("key: Required value");
        } else {
            List<String> keyErrs = Validation.isQualifiedName(key);
            if (!keyErrs.isEmpty()) {
                errs.add(invalid("key", key, keyErrs));
            }
        }
        if (operator == null) {
            errs.add("operator: Unsupported value: null: supported values: " + Operator.supportedValues());
        } else {
            switch (operator) {
                case IN, NOT_IN -> {
                    if (vals.isEmpty()) {
                        errs.add(invalid("values", vals, "for 'in', 'notin' operators, values set can't be empty"));
                    }
                }
                case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                    if (vals.size() != 1) {
                        errs.add(invalid("values", vals, "exact-match compatibility requires one single value"));
                    }
                }
                case EXISTS, DOES_NOT_EXIST -> {
                    if (!vals.isEmpty()) {
                        errs.add(invalid("values", vals, "values set must be empty for exists and does not exist"));
                    }
                }
                case GREATER_THAN, LESS_THAN -> {
                    if (vals.size() != 1) {
                        errs.add(invalid("values", vals,
                                "for 'Gt', 'Lt' operators, exactly one value is required"));
                    }
                    for (int i = 0; i < vals.size(); i++) {
                        if (parseInt64(vals.get(i)) == null) {
                            errs.add(invalid("values[" + i + "]", vals.get(i),
                                    "for 'Gt', 'Lt' operators, the value must be an integer"));
                        }
                    }
                }
            }
        }
        for (int i = 0; i < vals.size(); i++) {
            String v = vals.get(i);
            String path = "values[" + i + "][" + key + "]";
            if (v == null) {
                errs.add(path + ": Required value");
                continue;
            }
            List<String> valueErrs = Validation.isValidLabelValue(v);
            if (!valueErrs.isEmpty()) {
                errs.add(invalid(path, v, valueErrs));
            }
        }
        if (!errs.isEmpty()) {
            throw new InvalidRequirementException(errs);
        }
        return new Requirement(key, operator, List.copyOf(new TreeSet<>(vals)));
    }

    /** An {@code =} requirement built without validation, for sets the caller has already checked. */
    static Requirement unvalidatedEquals(String key, String value) {
        return new Requirement(key, Operator.EQUALS, List.of(value == null ? "" : value));
    }

    static String invalid(String path, Object value, List<String> details) {
        return invalid(path, value, String.join("; ", details));
    }

    static String invalid(String path, Object value, String detail) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return path + ": Invalid value: " + shown + ": " + detail;
    }

    /** The label key. */
    public String key() {
        return key;
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The values, sorted and de-duplicated; empty for {@code exists} and {@code !}. */
    public List<String> values() {
        return values;
    }

    /**
     * Whether the labels satisfy this requirement. {@code =}, {@code ==}, {@code in}: the key is present with one of
     * the values. {@code !=}, {@code notin}: the key is absent or has none of the values. {@code exists}, {@code !}:
     * presence, absence. {@code gt}, {@code lt}: the key is present, its value is a 64-bit integer and the strict
     * comparison holds. A {@code null} map counts as empty.
     */
    public boolean matches(Map<String, String> labels) {
        boolean has = labels != null && labels.containsKey(key);
        String actual = has ? Objects.requireNonNullElse(labels.get(key), "") : null;
        switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS:
                return has && values.contains(actual);
            case NOT_IN, NOT_EQUALS:
                return !has || !values.contains(actual);
            case EXISTS:
                return has;
            case DOES_NOT_EXIST:
                return !has;
            case GREATER_THAN, LESS_THAN:
                if (!has || values.size() != 1) {
                    return false;
                }
                Long left = parseInt64(actual);
                Long right = parseInt64(values.get(0));
                if (left == null || right == null) {
                    return false;
                }
                return operator == Operator.GREATER_THAN ? left > right : left < right;
            default:
                return false;
        }
    }

    /** Parses a base-10 signed 64-bit integer of ASCII digits, as Go's {@code strconv.ParseInt(s, 10, 64)}. */
    static Long parseInt64(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The canonical form: {@code key}, {@code !key}, {@code key=v}, {@code key==v}, {@code key!=v},
     * {@code key in (a,b)}, {@code key notin (a,b)}, {@code key>n} or {@code key<n}.
     */
    @Override
    public String toString() {
        return switch (operator) {
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> key + operator.value() + String.join(",", values);
            case GREATER_THAN -> key + ">" + String.join(",", values);
            case LESS_THAN -> key + "<" + String.join(",", values);
            case IN, NOT_IN -> key + " " + operator.value() + " (" + String.join(",", values) + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r && key.equals(r.key) && operator == r.operator && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, values);
    }
}
