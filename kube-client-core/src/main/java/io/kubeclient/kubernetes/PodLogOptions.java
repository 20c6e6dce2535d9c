package io.kubeclient.kubernetes;

import io.kubeclient.apimachinery.meta.QueryParameterEncodable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;

/**
 * Options for reading a container's log ({@code core/v1 PodLogOptions}), sent as query parameters
 * of {@code GET .../pods/{name}/log}. Unset options are not sent. Immutable; build with {@link #builder()}.
 */
public final class PodLogOptions implements QueryParameterEncodable {

    /** Which output stream of the container to read. */
    public enum Stream {
        /** Both streams, interleaved (the server's default). */
        ALL("All"),
        /** Standard output only. */
        STDOUT("Stdout"),
        /** Standard error only. */
        STDERR("Stderr");

        private final String value;

        Stream(String value) {
            this.value = value;
        }

        /** The query parameter value. */
        public String value() {
            return value;
        }
    }

    private static final PodLogOptions EMPTY = builder().build();

    private final String container;
    private final boolean follow;
    private final boolean previous;
    private final Long sinceSeconds;
    private final Instant sinceTime;
    private final boolean timestamps;
    private final Long tailLines;
    private final Long limitBytes;
    private final boolean insecureSkipTlsVerifyBackend;
    private final Stream stream;

    private PodLogOptions(Builder b) {
        this.container = b.container;
        this.follow = b.follow;
        this.previous = b.previous;
        this.sinceSeconds = b.sinceSeconds;
        this.sinceTime = b.sinceTime;
        this.timestamps = b.timestamps;
        this.tailLines = b.tailLines;
        this.limitBytes = b.limitBytes;
        this.insecureSkipTlsVerifyBackend = b.insecureSkipTlsVerifyBackend;
        this.stream = b.stream;
    }

    /** No options: the whole log of the pod's only container. */
    public static PodLogOptions empty() {
        return EMPTY;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        if (!container.isEmpty()) {
            param.accept("container", container);
        }
        if (follow) {
            param.accept("follow", "true");
        }
        if (previous) {
            param.accept("previous", "true");
        }
        if (sinceSeconds != null) {
            param.accept("sinceSeconds", sinceSeconds.toString());
        }
        if (sinceTime != null) {
            // metav1.Time: RFC 3339 with second precision.
            param.accept("sinceTime", DateTimeFormatter.ISO_INSTANT.format(sinceTime.truncatedTo(ChronoUnit.SECONDS)));
        }
        if (timestamps) {
            param.accept("timestamps", "true");
        }
        if (tailLines != null) {
            param.accept("tailLines", tailLines.toString());
        }
        if (limitBytes != null) {
            param.accept("limitBytes", limitBytes.toString());
        }
        if (insecureSkipTlsVerifyBackend) {
            param.accept("insecureSkipTLSVerifyBackend", "true");
        }
        if (stream != null) {
            param.accept("stream", stream.value());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PodLogOptions other && toQueryParameters().equals(other.toQueryParameters());
    }

    @Override
    public int hashCode() {
        return toQueryParameters().hashCode();
    }

    @Override
    public String toString() {
        return "PodLogOptions" + toQueryParameters();
    }

    /** Builds {@link PodLogOptions}. */
    public static final class Builder {
        private String container = "";
        private boolean follow;
        private boolean previous;
        private Long sinceSeconds;
        private Instant sinceTime;
        private boolean timestamps;
        private Long tailLines;
        private Long limitBytes;
        private boolean insecureSkipTlsVerifyBackend;
        private Stream stream;

        private Builder() {}

        /** The container to read; required when the pod has more than one. */
        public Builder container(String container) {
            this.container = container == null ? "" : container;
            return this;
        }

        /** Keep the stream open and follow new output. */
        public Builder follow(boolean follow) {
            this.follow = follow;
            return this;
        }

        /** Read the previous (terminated) instance of the container. */
        public Builder previous(boolean previous) {
            this.previous = previous;
            return this;
        }

        /**
         * Only output from the last {@code seconds} seconds; exclusive with {@link #sinceTime}.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder sinceSeconds(long seconds) {
            if (seconds <= 0) {
                throw new IllegalArgumentException("sinceSeconds must be positive: " + seconds);
            }
            this.sinceSeconds = seconds;
            return this;
        }

        /** Only output after this instant (sent with second precision); exclusive with {@link #sinceSeconds}. */
        public Builder sinceTime(Instant sinceTime) {
            this.sinceTime = sinceTime;
            return this;
        }

        /** Prefix each line with its RFC 3339 timestamp. */
        public Builder timestamps(boolean timestamps) {
            this.timestamps = timestamps;
            return this;
        }

        /**
         * Only the last {@code lines} lines.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder tailLines(long lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("tailLines must not be negative: " + lines);
            }
            this.tailLines = lines;
            return this;
        }

        /**
         * At most this many bytes.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder limitBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("limitBytes must be positive: " + bytes);
            }
            this.limitBytes = bytes;
            return this;
        }

        /** Let the API server skip verifying the kubelet's serving certificate (insecure). */
        public Builder insecureSkipTlsVerifyBackend(boolean skip) {
            this.insecureSkipTlsVerifyBackend = skip;
            return this;
        }

        /** Read one output stream only; {@code null} for the server's default (all). */
        public Builder stream(Stream stream) {
            this.stream = stream;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when both sinceSeconds and sinceTime are set, or tailLines
         *     is combined with a stream other than {@link Stream#ALL} (the server rejects both)
         */
        public PodLogOptions build() {
            if (sinceSeconds != null && sinceTime != null) {
                throw new IllegalArgumentException("at most one of sinceSeconds or sinceTime may be set");
            }
            if (tailLines != null && stream != null && stream != Stream.ALL) {
                throw new IllegalArgumentException("tailLines cannot be combined with stream " + stream.value());
            }
            return new PodLogOptions(this);
        }
    }
}
