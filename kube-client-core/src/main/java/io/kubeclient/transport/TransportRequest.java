package io.kubeclient.transport;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An immutable HTTP request as handed to an {@link HttpTransport}.
 *
 * <p>Header names keep the case they were given; lookups ignore case. A body is either absent, a
 * byte array (repeatable) or a stream supplier (repeatable only if the supplier says so).
 */
public final class TransportRequest {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final Body body;
    private final Duration timeout;

    private TransportRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body;
        this.timeout = b.timeout;
    }

    private TransportRequest(TransportRequest base, Map<String, List<String>> headers) {
        this.method = base.method;
        this.uri = base.uri;
        this.headers = headers;
        this.body = base.body;
        this.timeout = base.timeout;
    }

    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        headers.forEach((k, v) -> b.headers.put(k, new ArrayList<>(v)));
        b.body = body;
        b.timeout = timeout;
        return b;
    }

    /**
     * This request with {@code name} set to the one value {@code value}, replacing any values it had
     * (matched ignoring case): the same request as {@code toBuilder().setHeader(name, value).build()},
     * made without copying the other headers' values. For decorators that add one header.
     */
    public TransportRequest withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (!e.getKey().equalsIgnoreCase(name)) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        copy.put(name, List.of(value));
        return new TransportRequest(this, Collections.unmodifiableMap(copy));
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** All headers, in insertion order, with the case they were given. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, ignoring the name's case. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    public boolean hasHeader(String name) {
        return header(name).isPresent();
    }

    /** The body, or {@code null} for none. */
    public Body body() {
        return body;
    }

    /** The time allowed for the whole exchange up to the response headers, or {@code null} for none. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        // Headers are left out on purpose: they may carry credentials.
        return method + " " + uri;
    }

    /** A request body. */
    public static final class Body {
        private final byte[] bytes;
        private final Supplier<InputStream> stream;
        private final boolean repeatable;
        private final long length;

        private Body(byte[] bytes, Supplier<InputStream> stream, boolean repeatable, long length) {
            this.bytes = bytes;
            this.stream = stream;
            this.repeatable = repeatable;
            this.length = length;
        }

        public static Body of(byte[] bytes) {
            Objects.requireNonNull(bytes, "bytes");
            return new Body(bytes.clone(), null, true, bytes.length);
        }

        /**
         * A streaming body. {@code repeatable} says whether the supplier can be called again for a
         * retry; a length of {@code -1} means unknown (chunked).
         */
        public static Body ofStream(Supplier<InputStream> stream, long length, boolean repeatable) {
            Objects.requireNonNull(stream, "stream");
            return new Body(null, stream, repeatable, length);
        }

        /** The bytes of an in-memory body, or {@code null} for a streaming one. */
        public byte[] bytes() {
            return bytes;
        }

        /** Opens the body as a stream. */
        public InputStream open() {
            return bytes != null ? new java.io.ByteArrayInputStream(bytes) : stream.get();
        }

        /** Whether the body can be sent again, which a retry needs. */
        public boolean repeatable() {
            return repeatable;
        }

        /** The length in bytes, or {@code -1} when unknown. */
        public long length() {
            return length;
        }
    }

    /** Builds a {@link TransportRequest}. */
    public static final class Builder {
        private String method;
        private URI uri;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private Body body;
        private Duration timeout;

        private Builder(String method, URI uri) {
            method(method);
            uri(uri);
        }

        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder uri(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Replaces every value of a header (matched ignoring case). */
        public Builder setHeader(String name, String value) {
            removeHeader(name);
            return addHeader(name, value);
        }

        /** Adds a value to a header, keeping earlier ones. */
        public Builder addHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    e.getValue().add(value);
                    return this;
                }
            }
            List<String> values = new ArrayList<>(1);
            values.add(value);
            headers.put(name, values);
            return this;
        }

        public Builder removeHeader(String name) {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            return this;
        }

        public boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
        }

        public Builder body(Body body) {
            this.body = body;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}
