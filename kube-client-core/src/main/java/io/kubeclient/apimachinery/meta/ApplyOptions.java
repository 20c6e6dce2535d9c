package io.kubeclient.apimachinery.meta;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Options for a server-side apply ({@code metav1.ApplyOptions}): {@code dryRun}, {@code force} and a
 * required {@code fieldManager}. Encodes as its {@link #toPatchOptions() PatchOptions}, so
 * {@code force=false} or {@code force=true} is always sent, as client-go does.
 */
public final class ApplyOptions implements QueryParameterEncodable {

    private final List<String> dryRun;
    private final boolean force;
    private final String fieldManager;

    private ApplyOptions(Builder b) {
        this.dryRun = b.dryRun;
        this.force = b.force;
        this.fieldManager = b.fieldManager;
    }

    /** A builder with nothing set; {@link Builder#fieldManager} must be called before {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Apply as {@code fieldManager}, without force or dry run. */
    public static ApplyOptions of(String fieldManager) {
        return builder().fieldManager(fieldManager).build();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dryRun = dryRun;
        b.force = force;
        b.fieldManager = fieldManager;
        return b;
    }

    /** The dry-run stages, empty for a real request. */
    public List<String> dryRun() {
        return dryRun;
    }

    /** Whether to take over fields other managers own. */
    public boolean force() {
        return force;
    }

    /** The field manager name; never empty. */
    public String fieldManager() {
        return fieldManager;
    }

    /** The equivalent PATCH options, with {@code force} always set. */
    public PatchOptions toPatchOptions() {
        return PatchOptions.builder().dryRun(dryRun).force(force).fieldManager(fieldManager).build();
    }

    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        toPatchOptions().encodeTo(param);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplyOptions other && force == other.force && dryRun.equals(other.dryRun)
                && fieldManager.equals(other.fieldManager);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dryRun, force, fieldManager);
    }

    /** The options, as they are encoded. */
    @Override
    public String toString() {
        return Params.describe("ApplyOptions", toQueryParameters());
    }

    /** Builds {@link ApplyOptions}. */
    public static final class Builder {
        private List<String> dryRun = List.of();
        private boolean force;
        private String fieldManager = "";

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

        /** Take over conflicting fields from other managers. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * The name of the applier (required).
         *
         * @throws IllegalArgumentException when longer than 128 characters or not printable
         */
        public Builder fieldManager(String fieldManager) {
            this.fieldManager = Params.fieldManager(fieldManager);
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when no field manager was given
         */
        public ApplyOptions build() {
            if (fieldManager.isEmpty()) {
                throw new IllegalArgumentException("ApplyOptions requires a fieldManager (server-side apply"
                        + " records field ownership under it); call fieldManager(\"my-controller\")");
            }
            return new ApplyOptions(this);
        }
    }
}
