package io.kubeclient.apimachinery.meta;

import io.fabric8.kubernetes.api.model.Preconditions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Options for a DELETE ({@code metav1.DeleteOptions}). Generated clients send them as the JSON
 * {@linkplain #toJson() body}; they can also be sent as query parameters, where preconditions have no
 * encoding. Immutable; build with {@link #builder()}.
 */
public final class DeleteOptions implements QueryParameterEncodable {

    private static final DeleteOptions EMPTY = new Builder().build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<String> dryRun;
    private final Long gracePeriodSeconds;
    private final String preconditionUid;
    private final String preconditionResourceVersion;
    private final DeletionPropagation propagationPolicy;

    private DeleteOptions(Builder b) {
        this.dryRun = b.dryRun;
        this.gracePeriodSeconds = b.gracePeriodSeconds;
        this.preconditionUid = b.preconditionUid;
        this.preconditionResourceVersion = b.preconditionResourceVersion;
        this.propagationPolicy = b.propagationPolicy;
    }

    /** No options: the server's defaults. */
    public static DeleteOptions empty() {
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
        b.gracePeriodSeconds = gracePeriodSeconds;
        b.preconditionUid = preconditionUid;
        b.preconditionResourceVersion = preconditionResourceVersion;
        b.propagationPolicy = propagationPolicy;
        return b;
    }

    /** The dry-run stages, empty for a real request. */
    public List<String> dryRun() {
        return dryRun;
    }

    /** Seconds before the object is deleted (0 deletes immediately), if set. */
    public OptionalLong gracePeriodSeconds() {
        return gracePeriodSeconds == null ? OptionalLong.empty() : OptionalLong.of(gracePeriodSeconds);
    }

    /** The UID the object must have for the delete to proceed, if set. */
    public Optional<String> preconditionUid() {
        return Optional.ofNullable(preconditionUid);
    }

    /** The resourceVersion the object must have for the delete to proceed, if set. */
    public Optional<String> preconditionResourceVersion() {
        return Optional.ofNullable(preconditionResourceVersion);
    }

    /** How dependents are garbage collected, if set. */
    public Optional<DeletionPropagation> propagationPolicy() {
        return Optional.ofNullable(propagationPolicy);
    }

    /** Emits {@code gracePeriodSeconds}, {@code propagationPolicy} and {@code dryRun}; preconditions travel only in the body. */
    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        if (gracePeriodSeconds != null) {
            param.accept("gracePeriodSeconds", Long.toString(gracePeriodSeconds));
        }
        if (propagationPolicy != null) {
            param.accept("propagationPolicy", propagationPolicy.value());
        }
        for (String stage : dryRun) {
            param.accept("dryRun", stage);
        }
    }

    /** These options as a new fabric8 {@code DeleteOptions} ({@code kind: DeleteOptions}, {@code apiVersion: v1}). */
    public io.fabric8.kubernetes.api.model.DeleteOptions toFabric8() {
        io.fabric8.kubernetes.api.model.DeleteOptions out = new io.fabric8.kubernetes.api.model.DeleteOptions();
        out.setApiVersion("v1");
        out.setKind("DeleteOptions");
        out.setGracePeriodSeconds(gracePeriodSeconds);
        if (preconditionUid != null || preconditionResourceVersion != null) {
            Preconditions preconditions = new Preconditions();
            preconditions.setUid(preconditionUid);
            preconditions.setResourceVersion(preconditionResourceVersion);
            out.setPreconditions(preconditions);
        }
        out.setPropagationPolicy(propagationPolicy == null ? null : propagationPolicy.value());
        out.setDryRun(new ArrayList<>(dryRun));
        return out;
    }

    /**
     * The request body, e.g. {@code {"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":0,
     * "propagationPolicy":"Foreground"}}, with only the set fields.
     */
    public String toJson() {
        return MAPPER.writeValueAsString(toFabric8());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeleteOptions other && dryRun.equals(other.dryRun)
                && Objects.equals(gracePeriodSeconds, other.gracePeriodSeconds)
                && Objects.equals(preconditionUid, other.preconditionUid)
                && Objects.equals(preconditionResourceVersion, other.preconditionResourceVersion)
                && propagationPolicy == other.propagationPolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dryRun, gracePeriodSeconds, preconditionUid, preconditionResourceVersion,
                propagationPolicy);
    }

    /** The set options. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(Params.describe("DeleteOptions", toQueryParameters()));
        if (preconditionUid != null || preconditionResourceVersion != null) {
            b.setLength(b.length() - 1);
            if (b.charAt(b.length() - 1) != '{') {
                b.append(", ");
            }
            b.append("preconditions={uid=").append(preconditionUid)
                    .append(", resourceVersion=").append(preconditionResourceVersion).append("}}");
        }
        return b.toString();
    }

    /** Builds {@link DeleteOptions}; null means unset. */
    public static final class Builder {
        private List<String> dryRun = List.of();
        private Long gracePeriodSeconds;
        private String preconditionUid;
        private String preconditionResourceVersion;
        private DeletionPropagation propagationPolicy;

        private Builder() {
        }

        /** Validate and admit but do not delete ({@code dryRun=All}). */
        public Builder dryRunAll() {
            this.dryRun = List.of(Params.DRY_RUN_ALL);
            return this;
        }

        /**
         * The dry-run stages; empty (or null) for a real request.
         *
         * @throws IllegalArgumentException when a value is null or empty
         */
        public Builder dryRun(Collection<String> dryRun) {
            this.dryRun = Params.dryRun(dryRun);
            return this;
        }

        /**
         * Seconds to wait before deleting; 0 deletes immediately.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder gracePeriodSeconds(long gracePeriodSeconds) {
            this.gracePeriodSeconds = Params.nonNegative(gracePeriodSeconds, "gracePeriodSeconds");
            return this;
        }

        /** Unsets the grace period (the object's default applies). */
        public Builder clearGracePeriodSeconds() {
            this.gracePeriodSeconds = null;
            return this;
        }

        /** Delete only if the object's UID is {@code uid}; null or empty clears it. */
        public Builder preconditionUid(String uid) {
            this.preconditionUid = uid == null || uid.isEmpty() ? null : uid;
            return this;
        }

        /** Delete only if the object's resourceVersion is {@code resourceVersion}; null or empty clears it. */
        public Builder preconditionResourceVersion(String resourceVersion) {
            this.preconditionResourceVersion = resourceVersion == null || resourceVersion.isEmpty()
                    ? null : resourceVersion;
            return this;
        }

        /** How dependents are garbage collected; null clears it. */
        public Builder propagationPolicy(DeletionPropagation propagationPolicy) {
            this.propagationPolicy = propagationPolicy;
            return this;
        }

        /** The options. */
        public DeleteOptions build() {
            return new DeleteOptions(this);
        }
    }
}
