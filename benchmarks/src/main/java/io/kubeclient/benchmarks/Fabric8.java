package io.kubeclient.benchmarks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * fabric8 kubernetes-client 8.0 with an explicitly chosen HTTP backend (both backends share one
 * classpath because the factory is passed in rather than discovered).
 */
final class Fabric8 implements Peer {

    private final KubernetesClient client;
    private final long expectedEvents;

    private Fabric8(BenchServer server, HttpClient.Factory factory, long expectedEvents) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty());
        if (server.caPem() != null) {
            builder.withCaCertData(java.util.Base64.getEncoder().encodeToString(server.caPem()));
        }
        Config config = builder
                .withMasterUrl(server.host())
                // Neither loopback server has a WebSocket endpoint.
                .withOnlyHttpWatches(true)
                .withRequestTimeout(60_000)
                .build();
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(factory).build();
        this.expectedEvents = expectedEvents;
    }

    static Fabric8 jdk(BenchServer server, long expectedEvents) {
        return new Fabric8(server, new JdkHttpClientFactory(), expectedEvents);
    }

    static Fabric8 vertx(BenchServer server, long expectedEvents) {
        return new Fabric8(server, new Vertx5HttpClientFactory(), expectedEvents);
    }

    @Override
    public PodList list() {
        return client.pods().inAnyNamespace().list();
    }

    @Override
    public ConfigMap get() {
        return client.configMaps().inNamespace("default").withName("bench").get();
    }

    /**
     * fabric8 watches are callbacks on its own threads and reconnect when a stream ends, so the
     * watch is closed once every event of the stream has arrived.
     */
    @Override
    public long watch() throws Exception {
        AtomicLong count = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Watcher<Pod> watcher = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (pod != null && count.incrementAndGet() == expectedEvents) {
                    done.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                failure.set(cause);
                done.countDown();
            }
        };
        try (Watch w = client.pods().inAnyNamespace().watch(watcher)) {
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IOException("fabric8 watch timed out after " + count.get() + " events");
            }
        }
        if (count.get() < expectedEvents) {
            throw new IOException("fabric8 watch ended after " + count.get() + " events", failure.get());
        }
        return count.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
