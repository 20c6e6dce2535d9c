package io.kubeclient.apimachinery.meta;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What {@link CreateOptions} and {@link UpdateOptions} share: the three write parameters {@code dryRun},
 * {@code fieldManager} and {@code fieldValidation}, encoded in the server's order.
 */
abstract class WriteOptions implements QueryParameterEncodable {

    private final List<String> dryRun;
    private final String fieldManager;
    private final FieldValidation fieldValidation;

    WriteOptions(Fields<?> b) {
        this.dryRun = b.dryRun;
        this.fieldManager = b.fieldManager;
        this.fieldValidation = b.fieldValidation;
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

    <B extends Fields<B>> B copyInto(B b) {
        Fields<?> f = b;
        f.dryRun = dryRun;
        f.fieldManager = fieldManager;
        f.fieldValidation = fieldValidation;
        return b;
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

    /** Equal to options of the same type that encode the same. */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && toQueryParameters().equals(((WriteOptions) o).toQueryParameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toQueryParameters());
    }

    /** The set options, as they are encoded. */
    @Override
    public String toString() {
        return Params.describe(getClass().getSimpleName(), toQueryParameters());
    }

    /** The setters both builders share; null means unset. */
    abstract static class Fields<B extends Fields<B>> {
        private List<String> dryRun = List.of();
        private String fieldManager = "";
        private FieldValidation fieldValidation;

        Fields() {
        }

        abstract B self();

        /** Validate and admit but do not persist ({@code dryRun=All}). */
        public B dryRunAll() {
            this.dryRun = List.of(Params.DRY_RUN_ALL);
            return self();
        }

        /**
         * The dry-run stages, sent one parameter each; empty (or null) for a real request.
         *
         * @throws IllegalArgumentException when a value is null or empty
         */
        public B dryRun(Collection<String> dryRun) {
            this.dryRun = Params.dryRun(dryRun);
            return self();
        }

        /**
         * The name of the actor making the change, for managed fields.
         *
         * @throws IllegalArgumentException when longer than 128 characters or not printable
         */
        public B fieldManager(String fieldManager) {
            this.fieldManager = Params.fieldManager(fieldManager);
            return self();
        }

        /** How the server treats unknown or duplicate fields; null clears it. */
        public B fieldValidation(FieldValidation fieldValidation) {
            this.fieldValidation = fieldValidation;
            return self();
        }
    }
}
