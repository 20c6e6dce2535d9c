package io.kubeclient.apimachinery.meta;

/**
 * Options for an update (PUT) ({@code metav1.UpdateOptions}): {@code dryRun}, {@code fieldManager} and
 * {@code fieldValidation}. Immutable; build with {@link #builder()}.
 */
public final class UpdateOptions extends WriteOptions {

    private static final UpdateOptions EMPTY = new Builder().build();

    private UpdateOptions(Builder b) {
        super(b);
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
        return copyInto(new Builder());
    }

    /** Builds {@link UpdateOptions}; null means unset. */
    public static final class Builder extends WriteOptions.Fields<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The options. */
        public UpdateOptions build() {
            return new UpdateOptions(this);
        }
    }
}
