package io.kubeclient.transport;

import java.io.IOException;

/**
 * The seam between kube-client and an HTTP implementation: one request in, status, headers and a
 * streaming body out.
 *
 * <p>Implementations are thread safe and shared by many clients. The default one is built on
 * {@link java.net.http.HttpClient}; tests substitute their own.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and returns as soon as the status line and headers have arrived. The body is
     * read from {@link TransportResponse#body()}; closing the response cancels an unfinished body.
     *
     * @throws IOException when the request could not be sent or the connection failed before the
     *     headers arrived; {@link ResponseBodyTimeoutException} when an implementation that receives
     *     a body inside {@code send} ran out of the request's timeout after the headers
     * @throws InterruptedException when the calling thread is interrupted while waiting; the
     *     exchange is cancelled
     */
    TransportResponse send(TransportRequest request) throws IOException, InterruptedException;

    /** Releases pooled connections and threads. The default does nothing. */
    @Override
    default void close() {}
}
