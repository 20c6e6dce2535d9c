package io.kubeclient.benchmarks;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** The official Kubernetes Java client (OkHttp and Gson), through its generated {@link CoreV1Api}. */
final class Official implements Peer {

    private static final Type WATCH_TYPE = new TypeToken<Watch.Response<V1Pod>>() {}.getType();

    private final ApiClient api;
    private final CoreV1Api core;

    Official(BenchServer server) {
        ClientBuilder builder = new ClientBuilder().setBasePath(server.host()).setReadTimeout(Duration.ofSeconds(60));
        if (server.caPem() != null) {
            builder.setCertificateAuthority(server.caPem());
        }
        ApiClient built = builder.build();
        // OkHttp keeps only 5 idle connections by default; give the 16-thread GET a fair pool.
        OkHttpClient.Builder http = built.getHttpClient().newBuilder()
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES));
        if (server.caPem() != null && !server.http2()) {
            http.protocols(List.of(Protocol.HTTP_1_1));
        }
        built.setHttpClient(http.build());
        api = built;
        core = new CoreV1Api(api);
    }

    @Override
    public V1PodList list() throws Exception {
        return core.listPodForAllNamespaces().execute();
    }

    @Override
    public V1ConfigMap get() throws Exception {
        return core.readNamespacedConfigMap("bench", "default").execute();
    }

    @Override
    public long watch() throws Exception {
        long n = 0;
        try (Watch<V1Pod> w = Watch.createWatch(api, core.listPodForAllNamespaces().watch(true).buildCall(null), WATCH_TYPE)) {
            for (Watch.Response<V1Pod> e : w) {
                if (e.object != null) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        api.getHttpClient().dispatcher().executorService().shutdown();
        api.getHttpClient().connectionPool().evictAll();
    }
}
