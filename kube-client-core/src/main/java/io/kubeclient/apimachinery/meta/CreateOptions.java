package io.kubeclient.apimachinery.meta;

/**
 * Options for a create (POST) ({@code metav1.CreateOptions}): {@code dryRun}, {@code fieldManager} and
 * {@code fieldValidation}. Immutable; build with {@link #builder()}.
 */
public final class CreateOptions extends WriteOptions {

    private static final CreateOptions EMPTY = new Builder().build();

    private CreateOptions(Builder b) {
        super(b);
    }

    /** No options. */
    public static CreateOptions empty() {
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

    /** Builds {@link CreateOptions}; null means unset. */
    public static final class Builder extends WriteOptions.Fields<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The options. */
        public CreateOptions build() {
            return new CreateOptions(this);
        }
    }
}
