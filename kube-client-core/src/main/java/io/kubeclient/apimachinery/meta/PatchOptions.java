package io.kubeclient.apimachinery.meta;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Options for a PATCH ({@code metav1.PatchOptions}): {@code dryRun}, {@code force} (server-side apply
 * only; sent whenever set, even false), {@code fieldManager} and {@code fieldValidation}. Immutable;
 * build with {@link #builder()}.
 */
public final class PatchOptions implements QueryParameterEncodable {

    private static final PatchOptions EMPTY = new Builder().build();

    private final List<String> dryRun;
    private final Boolean force;
    private final String fieldManager;
    private final FieldValidation fieldValidation;

    private PatchOptions(Builder b) {
        this.dryRun = b.dryRun;
        this.force = b.force;
        this.fieldManager = b.fieldManager;
        this.fieldValidation = b.fieldValidation;
    }

    /** No options. */
    public static PatchOptions empty() {
        return EMPTY;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dryRun = dryRun;
        b.force = force;
        b.fieldManager = fieldManager;
        b.fieldValidation = fieldValidation;
        return b;
    }

    /** The dry-run stages, empty for a real request. */
    public List<String> dryRun() {
        return dryRun;
    }

    /** Whether an apply takes over conflicting fields, if set. */
    public Optional<Boolean> force() {
        return Optional.ofNullable(force);
    }

    /** The field manager name, {@code ""} when unset (required by the server for apply patches). */
    public String fieldManager() {
        return fieldManager;
    }

    /** How the server treats unknown or duplicate fields, if set. */
    public Optional<FieldValidation> fieldValidation() {
        return Optional.ofNullable(fieldValidation);
    }

    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        for (String stage : dryRun) {
            param.accept("dryRun", stage);
        }
        if (force != null) {
            param.accept("force", force.toString());
        }
        if (!fieldManager.isEmpty()) {
            param.accept("fieldManager", fieldManager);
        }
        if (fieldValidation != null) {
            param.accept("fieldValidation", fieldValidation.value());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchOptions other && toQueryParameters().equals(other.toQueryParameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toQueryParameters());
    }

    /** The set options, as they are encoded. */
    @Override
    public String toString() {
        return Params.describe("PatchOptions", toQueryParameters());
    }

    /** Builds {@link PatchOptions}; null means unset. */
    public static final class Builder {
        private List<String> dryRun = List.of();
        private Boolean force;
        private String fieldManager = "";
        private FieldValidation fieldValidation;

        private Builder() {
        }

        /** Validate and admit but do not persist ({@code dryRun=All}). */
        public Builder dryRunAll() {
            this.dryRun = List.of(Params.DRY_RUN_ALL);
            return this;
        }

        /**
         * The dry-run stages, sent one parameter each; empty (or null) for a real request.
         *
         * @throws IllegalArgumentException when a value is null or empty
         */
        public Builder dryRun(Collection<String> dryRun) {
            this.dryRun = Params.dryRun(dryRun);
            return this;
        }

        /** For apply patches, whether to take over fields other managers own; null clears it. */
        public Builder force(Boolean force) {
            this.force = force;
            return this;
        }

        /**
         * The name of the actor making the change.
         *
         * @throws IllegalArgumentException when longer than 128 characters or not printable
         */
        public Builder fieldManager(String fieldManager) {
            this.fieldManager = Params.fieldManager(fieldManager);
            return this;
        }

        /** How the server treats unknown or duplicate fields; null clears it. */
        public Builder fieldValidation(FieldValidation fieldValidation) {
            this.fieldValidation = fieldValidation;
            return this;
        }

        /** The options. */
        public PatchOptions build() {
            return new PatchOptions(this);
        }
    }
}
