package io.kubeclient.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose status and headers have arrived and whose body is still to be read.
 *
 * <p>Always close it: closing releases the connection, or cancels the exchange when the body was
 * not read to the end.
 */
public interface TransportResponse extends AutoCloseable {

    int statusCode();

    /** Response headers; lookups through {@link #header} and {@link #headerValues} ignore case. */
    Map<String, List<String>> headers();

    /** The first value of a header, ignoring the name's case. */
    default Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, ignoring the name's case; empty when absent. */
    default List<String> headerValues(String name) {
        for (Map.Entry<String, List<String>> e : headers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** The body as a stream, read at most once. Decompression, if any, has already been applied. */
    InputStream body();

    /**
     * Whether the whole body has already been received, so that reading it never waits on the
     * network (the JDK transport receives a body declaring at most 32 KiB before {@code send}
     * returns). A caller can then skip a timeout for the read. False unless the transport knows.
     */
    default boolean bodyReceived() {
        return false;
    }

    @Override
    void close() throws IOException;
}
