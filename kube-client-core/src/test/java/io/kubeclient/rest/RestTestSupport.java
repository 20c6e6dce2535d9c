package io.kubeclient.rest;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.flowcontrol.BackoffManager;
import io.kubeclient.flowcontrol.FakeClock;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.metrics.ClientMetrics;
import io.kubeclient.transport.HttpTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer per test, and fakes for the sleeper, limiter and hooks. */
abstract class RestTestSupport {

    MockWebServer server;
    HttpTransport transport;
    final FakeClock sleeper = new FakeClock();
    final RecordingHooks hooks = new RecordingHooks();
    final CountingLimiter limiter = new CountingLimiter();

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        // The real transport, without credentials: these tests exercise RESTClient over the wire.
        transport = Transports.forConfig(RestConfig.builder().host(host()).build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    String host() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    RestConfig.Builder config() {
        return RestConfig.builder().host(host()).apiPath("/api").groupVersion(GroupVersion.of("", "v1"))
                .rateLimiter(limiter);
    }

    RESTClient client() {
        return client(config().build());
    }

    RESTClient client(RestConfig config) {
        return new RESTClient(config, true, transport, false, sleeper, hooks, BackoffManager::noBackoff);
    }

    void enqueue(int code, String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(b.build());
    }

    void enqueueJson(int code, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        enqueue(code, body, all);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    static final class RecordingHooks implements ClientMetrics {
        final List<String> retries = new CopyOnWriteArrayList<>();
        final List<Integer> retryCodes = new CopyOnWriteArrayList<>();
        final List<Integer> results = new CopyOnWriteArrayList<>();
        final List<String> latencies = new CopyOnWriteArrayList<>();
        final AtomicInteger waits = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        @Override
        public void rateLimiterWait(String verb, String host, long waitNanos) {
            waits.incrementAndGet();
        }

        @Override
        public void requestStarted(String verb, String host) {
            inFlight.incrementAndGet();
            started.incrementAndGet();
        }

        @Override
        public void requestFinished(String verb, String host) {
            inFlight.decrementAndGet();
        }

        @Override
        public void requestLatency(String verb, String host, String resource, int code, long latencyNanos) {
            latencies.add(verb + " " + resource + " " + code);
        }

        @Override
        public void requestResult(String verb, String host, int code) {
            results.add(code);
        }

        @Override
        public void requestRetry(String verb, String host, int code, String reason) {
            retryCodes.add(code);
            retries.add(reason);
        }
    }

    static final class CountingLimiter implements RateLimiter {
        final AtomicInteger accepts = new AtomicInteger();
        final AtomicInteger awaits = new AtomicInteger();

        @Override
        public boolean tryAccept() {
            return true;
        }

        @Override
        public void accept() {
            accepts.incrementAndGet();
        }

        @Override
        public void await(Duration timeout) {
            awaits.incrementAndGet();
        }

        @Override
        public float qps() {
            return 1;
        }

        int total() {
            return accepts.get() + awaits.get();
        }
    }
}
