package io.kubeclient.benchmarks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.Watch;
import java.time.Duration;
import java.util.List;

/**
 * kube-client as a user would configure it (limiter off; over TLS trusting the server's certificate as a
 * kubeconfig's CA, HTTP/2 unless the server offers HTTP/1.1 alone): through the typed
 * {@link Clientset}, or, as a control, through {@link RESTClient}'s {@code execute().into(type)},
 * which holds the whole body before decoding it.
 */
final class Ours implements Peer {

    private final Clientset clientset;
    private final RESTClient rest;

    /** @param viaResult use {@code RESTClient...execute().into(type)} instead of the Clientset */
    Ours(BenchServer server, boolean viaResult) {
        this(server, viaResult, null);
    }

    /** @param timeout the config's request timeout ({@code kube.client.timeout}), or null for none */
    Ours(BenchServer server, boolean viaResult, Duration timeout) {
        this(server, viaResult, timeout, false);
    }

    /** @param http1Only offer only HTTP/1.1 over TLS, even to a server that speaks HTTP/2 */
    Ours(BenchServer server, boolean viaResult, Duration timeout, boolean http1Only) {
        RestConfig.Builder builder = RestConfig.builder().host(server.host()).qps(-1);
        if (server.caPem() != null) {
            builder.caData(server.caPem());
            if (!server.http2() || http1Only) {
                builder.nextProtos(List.of("http/1.1"));
            }
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        RestConfig config = builder.build();
        if (viaResult) {
            clientset = null;
            rest = RESTClient.forConfig(config.toBuilder().apiPath("/api").groupVersion(GroupVersion.of("", "v1")).build());
        } else {
            clientset = Clientset.newForConfig(config);
            rest = null;
        }
    }

    @Override
    public PodList list() {
        if (rest != null) {
            return rest.get().resource("pods").execute().into(PodList.class);
        }
        return clientset.coreV1().pods("").list();
    }

    @Override
    public ConfigMap get() {
        if (rest != null) {
            return rest.get().namespace("default").resource("configmaps").name("bench").execute().into(ConfigMap.class);
        }
        return clientset.coreV1().configMaps("default").get("bench");
    }

    @Override
    public long watch() {
        long n = 0;
        try (Watch<Pod> w = rest != null ? rest.get().resource("pods").watch(Pod.class) : clientset.coreV1().pods("").watch()) {
            for (Event<Pod> e : w) {
                if (e.object() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (rest != null) {
            rest.close();
        } else {
            clientset.close();
        }
    }
}
