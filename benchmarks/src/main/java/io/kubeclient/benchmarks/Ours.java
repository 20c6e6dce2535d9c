package io.kubeclient.benchmarks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.Watch;

/** kube-client's {@link RESTClient}, configured as a user would for the core/v1 API, limiter off. */
final class Ours implements Peer {

    private final RESTClient client;

    Ours(LoopbackServer server) {
        RestConfig config = RestConfig.builder()
                .host(server.host())
                .apiPath("/api")
                .groupVersion(GroupVersion.of("", "v1"))
                .qps(-1)
                .build();
        client = RESTClient.forConfig(config);
    }

    @Override
    public PodList list() {
        return client.get().resource("pods").execute().into(PodList.class);
    }

    @Override
    public ConfigMap get() {
        return client.get().namespace("default").resource("configmaps").name("bench").execute().into(ConfigMap.class);
    }

    @Override
    public long watch() {
        long n = 0;
        try (Watch<Pod> w = client.get().resource("pods").watch(Pod.class)) {
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
        client.close();
    }
}
