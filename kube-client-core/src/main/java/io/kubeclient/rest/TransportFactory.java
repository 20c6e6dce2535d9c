package io.kubeclient.rest;

import io.kubeclient.ConfigException;
import io.kubeclient.transport.HttpTransport;

/** TEMPORARY adapter to {@code Transports.forConfig} until the transport branch lands. */
final class TransportFactory {
    private TransportFactory() {}

    static HttpTransport forConfig(RestConfig config) {
        throw new ConfigException("no HTTP transport is available yet; use RESTClient.forConfigAndTransport");
    }
}
