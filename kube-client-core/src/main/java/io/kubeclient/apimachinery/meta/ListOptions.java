package io.kubeclient.apimachinery.meta;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * Options for a LIST or WATCH of a collection ({@code metav1.ListOptions}). Immutable; build with
 * {@link #builder()}.
 *
 * <p>Encoding follows client-go: empty strings, {@code false}, and a zero {@code limit} are omitted;
 * {@code timeoutSeconds} and {@code sendInitialEvents} are sent whenever set, even as 0 or false.
 */
public final class ListOptions implements QueryParameterEncodable {

    private static final ListOptions EMPTY = new Builder().build();

    private final String labelSelector;
    private final String fieldSelector;
    private final boolean watch;
    private final boolean allowWatchBookmarks;
    private final String resourceVersion;
    private final ResourceVersionMatch resourceVersionMatch;
    private final Long timeoutSeconds;
    private final long limit;
    private final String continueToken;
    private final Boolean sendInitialEvents;

    private ListOptions(Builder b) {
        this.labelSelector = b.labelSelector;
        this.fieldSelector = b.fieldSelector;
        this.watch = b.watch;
        this.allowWatchBookmarks = b.allowWatchBookmarks;
        this.resourceVersion = b.resourceVersion;
        this.resourceVersionMatch = b.resourceVersionMatch;
        this.timeoutSeconds = b.timeoutSeconds;
        this.limit = b.limit;
        this.continueToken = b.continueToken;
        this.sendInitialEvents = b.sendInitialEvents;
    }

    /** No options: everything, latest version. */
    public static ListOptions empty() {
        return EMPTY;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.labelSelector = labelSelector;
        b.fieldSelector = fieldSelector;
        b.watch = watch;
        b.allowWatchBookmarks = allowWatchBookmarks;
        b.resourceVersion = resourceVersion;
        b.resourceVersionMatch = resourceVersionMatch;
        b.timeoutSeconds = timeoutSeconds;
        b.limit = limit;
        b.continueToken = continueToken;
        b.sendInitialEvents = sendInitialEvents;
        return b;
    }

    /** The label selector, {@code ""} for everything. */
    public String labelSelector() {
        return labelSelector;
    }

    /** The field selector, {@code ""} for everything. */
    public String fieldSelector() {
        return fieldSelector;
    }

    /** Whether to watch instead of list. */
    public boolean watch() {
        return watch;
    }

    /** Whether the watch may send {@code BOOKMARK} events. */
    public boolean allowWatchBookmarks() {
        return allowWatchBookmarks;
    }

    /** The resourceVersion to list or watch from, {@code ""} for the latest. */
    public String resourceVersion() {
        return resourceVersion;
    }

    /** How {@link #resourceVersion()} applies, if set. */
    public Optional<ResourceVersionMatch> resourceVersionMatch() {
        return Optional.ofNullable(resourceVersionMatch);
    }

    /** The server-side timeout of the call, if set. */
    public OptionalLong timeoutSeconds() {
        return timeoutSeconds == null ? OptionalLong.empty() : OptionalLong.of(timeoutSeconds);
    }

    /** The page size, 0 for no limit. */
    public long limit() {
        return limit;
    }

    /** The continue token of the next page, {@code ""} for the first page. */
    public String continueToken() {
        return continueToken;
    }

    /** Whether a watch starts with synthetic events for the current state, if set. */
    public Optional<Boolean> sendInitialEvents() {
        return Optional.ofNullable(sendInitialEvents);
    }

    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        if (!labelSelector.isEmpty()) {
            param.accept("labelSelector", labelSelector);
        }
        if (!fieldSelector.isEmpty()) {
            param.accept("fieldSelector", fieldSelector);
        }
        if (watch) {
            param.accept("watch", "true");
        }
        if (allowWatchBookmarks) {
            param.accept("allowWatchBookmarks", "true");
        }
        if (!resourceVersion.isEmpty()) {
            param.accept("resourceVersion", resourceVersion);
        }
        if (resourceVersionMatch != null) {
            param.accept("resourceVersionMatch", resourceVersionMatch.value());
        }
        if (timeoutSeconds != null) {
            param.accept("timeoutSeconds", Long.toString(timeoutSeconds));
        }
        if (limit != 0) {
            param.accept("limit", Long.toString(limit));
        }
        if (!continueToken.isEmpty()) {
            param.accept("continue", continueToken);
        }
        if (sendInitialEvents != null) {
            param.accept("sendInitialEvents", sendInitialEvents.toString());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListOptions other && toQueryParameters().equals(other.toQueryParameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toQueryParameters());
    }

    /** The set options, as they are encoded. */
    @Override
    public String toString() {
        return Params.describe("ListOptions", toQueryParameters());
    }

    /** Builds {@link ListOptions}; null strings mean unset. */
    public static final class Builder {
        private String labelSelector = "";
        private String fieldSelector = "";
        private boolean watch;
        private boolean allowWatchBookmarks;
        private String resourceVersion = "";
        private ResourceVersionMatch resourceVersionMatch;
        private Long timeoutSeconds;
        private long limit;
        private String continueToken = "";
        private Boolean sendInitialEvents;

        private Builder() {
        }

        /** Restricts to objects whose labels match, e.g. {@code app=web,tier!=db}. */
        public Builder labelSelector(String labelSelector) {
            this.labelSelector = Params.str(labelSelector);
            return this;
        }

        /** Restricts to objects whose fields match, e.g. {@code metadata.name=web}. */
        public Builder fieldSelector(String fieldSelector) {
            this.fieldSelector = Params.str(fieldSelector);
            return this;
        }

        /** Watch instead of list ({@code watch=true}). */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** Allow {@code BOOKMARK} events on a watch. */
        public Builder allowWatchBookmarks(boolean allowWatchBookmarks) {
            this.allowWatchBookmarks = allowWatchBookmarks;
            return this;
        }

        /** The resourceVersion to list or watch from. */
        public Builder resourceVersion(String resourceVersion) {
            this.resourceVersion = Params.str(resourceVersion);
            return this;
        }

        /** How the resourceVersion applies; null clears it. */
        public Builder resourceVersionMatch(ResourceVersionMatch resourceVersionMatch) {
            this.resourceVersionMatch = resourceVersionMatch;
            return this;
        }

        /**
         * The server-side timeout; 0 is sent as such.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder timeoutSeconds(long timeoutSeconds) {
            this.timeoutSeconds = Params.nonNegative(timeoutSeconds, "timeoutSeconds");
            return this;
        }

        /** Unsets the timeout. */
        public Builder clearTimeoutSeconds() {
            this.timeoutSeconds = null;
            return this;
        }

        /**
         * The page size; 0 means no limit and is not sent.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder limit(long limit) {
            this.limit = Params.nonNegative(limit, "limit");
            return this;
        }

        /** The continue token from the previous page's list metadata (query parameter {@code continue}). */
        public Builder continueToken(String continueToken) {
            this.continueToken = Params.str(continueToken);
            return this;
        }

        /** Start a watch with events for the current state; null clears it. */
        public Builder sendInitialEvents(Boolean sendInitialEvents) {
            this.sendInitialEvents = sendInitialEvents;
            return this;
        }

        /** The options. */
        public ListOptions build() {
            return new ListOptions(this);
        }
    }
}
