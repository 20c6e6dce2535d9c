package io.kubeclient.apimachinery.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable field selector: the AND of its {@link Requirement}s, in the order they were given (a parsed selector
 * keeps its terms sorted as raw strings). Obtain one from {@link Fields}.
 */
public final class Selector {

    static final Selector EVERYTHING = new Selector(List.of());

    private final List<Requirement> requirements;

    Selector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Whether every term matches the fields ({@code null} counts as no fields); the empty selector matches all. */
    public boolean matches(Map<String, String> fields) {
        for (Requirement r : requirements) {
            if (!r.matches(fields)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this selector has no terms and so matches everything. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The terms, in selector order. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** The value of the first {@code =} term on the field, if any (client-go's {@code RequiresExactMatch}). */
    public Optional<String> requiresExactMatch(String field) {
        for (Requirement r : requirements) {
            if (r.operator() == Requirement.Operator.EQUALS && r.field().equals(field)) {
                return Optional.of(r.value());
            }
        }
        return Optional.empty();
    }

    /**
     * A new selector with each term's field and value rewritten by the function, which receives the unescaped value.
     * A result with an empty field and an empty value drops the term; a null result is an error.
     *
     * @throws SelectorParseException when the function returns null
     */
    public Selector transform(TransformFunction fn) {
        Objects.requireNonNull(fn, "fn");
        List<Requirement> out = new ArrayList<>(requirements.size());
        for (Requirement r : requirements) {
            Map.Entry<String, String> fv = fn.apply(r.field(), r.value());
            if (fv == null || fv.getKey() == null || fv.getValue() == null) {
                throw new SelectorParseException("field selector transform returned null for term '" + r + "'", -1);
            }
            if (fv.getKey().isEmpty() && fv.getValue().isEmpty()) {
                continue;
            }
            out.add(new Requirement(fv.getKey(), r.operator(), fv.getValue()));
        }
        return out.isEmpty() ? EVERYTHING : new Selector(out);
    }

    /** Terms joined by {@code ,}, each {@code field=value} or {@code field!=value} with the value escaped. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector s && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    /** Rewrites a field selector term, for example to map a versioned field name to an internal one. */
    @FunctionalInterface
    public interface TransformFunction {

        /**
         * Returns the new field and value for a term (use {@link Map#entry}); an empty field and value drop the term.
         */
        Map.Entry<String, String> apply(String field, String value);
    }
}
