package io.kubeclient.spring.autoconfigure;

import io.kubeclient.rest.RestConfig;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the client connects and as whom: the server, credentials and TLS settings as a
 * {@link RestConfig}, and the default namespace.
 *
 * <p>The auto-configuration reads {@code kube.client.*} properties (kubeconfig or in-cluster) into
 * one of these unless the application (or a test) defines its own bean, which then replaces the
 * properties that describe the connection. Client tuning properties (qps, burst, timeouts, retries,
 * user agent, proxy, HTTP/2, warnings) and {@link RestConfigCustomizer}s still apply on top.
 */
public interface KubeConnectionDetails extends ConnectionDetails {

    /** The connection: server URL, credentials and TLS settings. */
    RestConfig restConfig();

    /** The namespace to use when a call names none. */
    default String namespace() {
        return "default";
    }

    /**
     * Where the connection came from, for health and info details: a kubeconfig context name,
     * {@code in-cluster}, or {@code null} when unknown.
     */
    default String source() {
        return null;
    }
}
