package io.kubeclient.apimachinery.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable label selector: the AND of its {@link Requirement}s, kept sorted by key. Obtain one from
 * {@link Labels#parse(String)}, {@link Labels#selectorFromSet(Map)}, {@link Labels#everything()} or
 * {@link Labels#nothing()}.
 */
public final class Selector {

    static final Selector EVERYTHING = new Selector(List.of(), false);
    static final Selector NOTHING = new Selector(List.of(), true);

    private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key);

    private final List<Requirement> requirements;
    private final boolean nothing;

    private Selector(List<Requirement> requirements, boolean nothing) {
        this.requirements = requirements;
        this.nothing = nothing;
    }

    static Selector of(List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(BY_KEY);
        return new Selector(List.copyOf(sorted), false);
    }

    /**
     * Whether every requirement matches the labels ({@code null} counts as no labels). The empty selector matches
     * everything; {@link Labels#nothing()} matches nothing.
     */
    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this selector places no restriction (matches everything). False for {@link Labels#nothing()}. */
    public boolean isEmpty() {
        return !nothing && requirements.isEmpty();
    }

    /**
     * Whether this selector can select anything at all; false only for {@link Labels#nothing()} (client-go's
     * {@code selectable} result of {@code Requirements()}).
     */
    public boolean isSelectable() {
        return !nothing;
    }

    /** A new selector with the given requirements added and all sorted by key; {@link Labels#nothing()} stays as is. */
    public Selector add(Requirement... more) {
        if (nothing) {
            return this;
        }
        List<Requirement> all = new ArrayList<>(requirements);
        for (Requirement r : more == null ? new Requirement[0] : more) {
            all.add(Objects.requireNonNull(r, "requirement"));
        }
        return of(all);
    }

    /** The requirements, sorted by key; empty for the empty selector and for {@link Labels#nothing()}. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The value this selector requires the label to have, if its first requirement on that key is {@code =},
     * {@code ==} or a single-valued {@code in}.
     */
    public Optional<String> requiresExactMatch(String label) {
        for (Requirement r : requirements) {
            if (r.key().equals(label)) {
                switch (r.operator()) {
                    case EQUALS, DOUBLE_EQUALS, IN -> {
                        if (r.values().size() == 1) {
                            return Optional.of(r.values().get(0));
                        }
                    }
                    default -> {
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical form: requirements in key order joined by {@code ,}; empty for everything and for nothing. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector s && nothing == s.nothing && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, nothing);
    }
}
