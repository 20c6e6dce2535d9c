package io.kubeclient.apimachinery.meta;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Options for an update (PUT) ({@code metav1.UpdateOptions}): {@code dryRun}, {@code fieldManager} and
 * {@code fieldValidation}. Immutable; build with {@link #builder()}.
 */
public final class UpdateOptions implements QueryParameterEncodable {

    private static final UpdateOptions EMPTY = new Builder().build();

    private final List<String> dryRun;
    private final String fieldManager;
    private final FieldValidation fieldValidation;

    private UpdateOptions(Builder b) {
        this.dryRun = b.dryRun;
        this.fieldManager = b.fieldManager;
        this.fieldValidation = b.fieldValidation;
    }

    /** No options. */
    public static UpdateOptions empty() {
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
        b.fieldManager = fieldManager;
        b.fieldValidation = fieldValidation;
        return b;
    }

    /** The dry-run stages, empty for a real request; the only valid value is {@code All}. */
    public List<String> dryRun() {
        return dryRun;
    }

    /** The field manager name, {@code ""} for the server's default. */
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
        if (!fieldManager.isEmpty()) {
            param.accept("fieldManager", fieldManager);
        }
        if (fieldValidation != null) {
            param.accept("fieldValidation", fieldValidation.value());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateOptions other && toQueryParameters().equals(other.toQueryParameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toQueryParameters());
    }

    /** The set options, as they are encoded. */
    @Override
    public String toString() {
        return Params.describe("UpdateOptions", toQueryParameters());
    }

    /** Builds {@link UpdateOptions}; null means unset. */
    public static final class Builder {
        private List<String> dryRun = List.of();
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

        /**
         * The name of the actor making the change, for managed fields.
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
        public UpdateOptions build() {
            return new UpdateOptions(this);
        }
    }
}
