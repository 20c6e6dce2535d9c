package io.kubeclient.apimachinery.labels;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Entry points for label selectors and label sets, as client-go's {@code labels} package. */
public final class Labels {

    private Labels() {
    }

    /**
     * Parses a label selector such as {@code "app=web,tier in (a,b),!canary,replicas>2"}. Whitespace (space, tab,
     * CR, LF) separates tokens; the empty string is the empty selector. The grammar is client-go's {@code labels.Parse}:
     * {@code key}, {@code !key}, {@code key=v}, {@code key==v}, {@code key!=v} (an omitted value is {@code ""}),
     * {@code key in (v,...)}, {@code key notin (v,...)} (empty elements are {@code ""}), {@code key>n},
     * {@code key<n} (64-bit integers).
     *
     * @throws SelectorParseException on a syntax error or an invalid key or value, naming the token and position
     */
    public static Selector parse(String selector) {
        return Parser.parse(selector);
    }

    /** The empty selector, which matches every label set and prints as {@code ""}. */
    public static Selector everything() {
        return Selector.EVERYTHING;
    }

    /** A selector that matches no label set; it prints as {@code ""}, is not empty and ignores {@code add}. */
    public static Selector nothing() {
        return Selector.NOTHING;
    }

    /**
     * An unmodifiable label set from alternating keys and values, iterated in key order.
     *
     * @throws IllegalArgumentException on an odd number of arguments, a null, or a repeated key
     */
    public static Map<String, String> set(String... keysAndValues) {
        if (keysAndValues == null || keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("label set needs alternating keys and values, got "
                    + (keysAndValues == null ? "null" : keysAndValues.length + " arguments"));
        }
        TreeMap<String, String> set = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String k = keysAndValues[i];
            String v = keysAndValues[i + 1];
            if (k == null || v == null) {
                throw new IllegalArgumentException("label set argument " + (k == null ? i : i + 1) + " is null");
            }
            if (set.put(k, v) != null) {
                throw new IllegalArgumentException("label set repeats key \"" + k + "\"");
            }
        }
        return Collections.unmodifiableMap(set);
    }

    /**
     * A selector of {@code =} requirements, one per entry, sorted by key, without validating keys or values (the
     * server rejects invalid ones). A null or empty set gives {@link #everything()}.
     */
    public static Selector selectorFromSet(Map<String, String> set) {
        if (set == null || set.isEmpty()) {
            return everything();
        }
        List<Requirement> reqs = new ArrayList<>(set.size());
        set.forEach((k, v) -> reqs.add(Requirement.unvalidatedEquals(k == null ? "" : k, v)));
        return Selector.of(reqs);
    }

    /**
     * As {@link #selectorFromSet(Map)}, but validates every key and value.
     *
     * @throws InvalidRequirementException for the first invalid entry
     */
    public static Selector validatedSelectorFromSet(Map<String, String> set) {
        if (set == null || set.isEmpty()) {
            return everything();
        }
        List<Requirement> reqs = new ArrayList<>(set.size());
        set.forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, v)));
        return Selector.of(reqs);
    }

    /** {@code k=v} pairs sorted by key and joined by {@code ,}; {@code ""} for an empty or null set. */
    public static String toString(Map<String, String> set) {
        if (set == null || set.isEmpty()) {
            return "";
        }
        return set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining(","));
    }

    /** As {@link #toString(Map)}, but {@code <none>} for an empty set (client-go's {@code FormatLabels}). */
    public static String formatLabels(Map<String, String> set) {
        String s = toString(set);
        return s.isEmpty() ? "<none>" : s;
    }

    /**
     * Converts a Kubernetes {@code LabelSelector} object, as client-go's {@code metav1.LabelSelectorAsSelector}:
     * {@code null} gives {@link #nothing()}, no labels and no expressions give {@link #everything()},
     * {@code matchLabels} become {@code =} and {@code matchExpressions} use {@code In}, {@code NotIn},
     * {@code Exists} or {@code DoesNotExist}.
     *
     * @throws InvalidRequirementException for an invalid key, value or operator
     */
    public static Selector fromLabelSelector(LabelSelector selector) {
        if (selector == null) {
            return nothing();
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return everything();
        }
        List<Requirement> reqs = new ArrayList<>();
        matchLabels.forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, v)));
        for (LabelSelectorRequirement expr : expressions) {
            if (expr == null) {
                continue;
            }
            String op = expr.getOperator();
            Operator operator;
            if ("In".equals(op)) {
                operator = Operator.IN;
            } else if ("NotIn".equals(op)) {
                operator = Operator.NOT_IN;
            } else if ("Exists".equals(op)) {
                operator = Operator.EXISTS;
            } else if ("DoesNotExist".equals(op)) {
                operator = Operator.DOES_NOT_EXIST;
            } else {
                throw new InvalidRequirementException(List.of("\"" + op + "\" is not a valid label selector operator"));
            }
            reqs.add(Requirement.of(expr.getKey(), operator,
                    expr.getValues() == null ? List.of() : expr.getValues()));
        }
        return Selector.of(reqs);
    }
}
