package io.kubeclient.kubernetes;

import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Transports;
import io.kubeclient.transport.HttpTransport;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer per test and a clientset talking to it over the real JDK transport, unthrottled. */
abstract class ClientsetTestSupport {

    MockWebServer server;
    HttpTransport transport;
    Clientset cs;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        transport = Transports.forConfig(RestConfig.builder().host(host()).build());
        cs = Clientset.newForConfigAndClient(config().build(), transport);
    }

    @AfterEach
    void stopServer() {
        cs.close();
        server.close();
    }

    String host() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    RestConfig.Builder config() {
        return RestConfig.builder().host(host()).qps(-1);
    }

    void enqueueJson(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    /** Asserts that the server saw nothing (the failing call is synchronous, so nothing can be in flight). */
    void assertNoRequest() {
        if (server.getRequestCount() != 0) {
            throw new AssertionError("the server received " + server.getRequestCount() + " request(s)");
        }
    }

    static String status404(String resource, String name) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,"
                + "\"message\":\"" + resource + " \\\"" + name + "\\\" not found\"}";
    }
}
