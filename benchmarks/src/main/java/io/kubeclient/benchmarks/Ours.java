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
    private final boolean viaResult;

    /**
     * @param viaResult decode through {@code execute().into(type)}, which holds the whole body first,
     *     instead of {@code execute(type)}, which decodes from the stream
     */
    Ours(LoopbackServer server, boolean viaResult) {
        this.viaResult = viaResult;
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
        var request = client.get().resource("pods");
        return viaResult ? request.execute().into(PodList.class) : request.execute(PodList.class);
    }

    @Override
    public ConfigMap get() {
        var request = client.get().namespace("default").resource("configmaps").name("bench");
        return viaResult ? request.execute().into(ConfigMap.class) : request.execute(ConfigMap.class);
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
