package io.kubeclient.testing.spring;

import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.kubeclient.testing.FakeApiServer;

/** {@link KubeConnectionDetails} for a {@link FakeApiServer}: its URL, and its CA when it serves HTTPS. */
final class FakeApiServerConnectionDetails implements KubeConnectionDetails {

    static final String SOURCE = "fake-api-server";

    private final FakeApiServer server;

    FakeApiServerConnectionDetails(FakeApiServer server) {
        this.server = server;
    }

    @Override
    public RestConfig restConfig() {
        return this.server.restConfig();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public String toString() {
        return "FakeApiServerConnectionDetails{" + this.server.url() + "}";
    }
}
