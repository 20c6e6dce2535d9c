package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.rest.metrics.ClientMetrics;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RESTClientTest extends RestTestSupport {

    @Test
    void forConfigSendsThroughAnAuthenticatedTransport() throws Exception {
        enqueueJson(200, "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}");
        RestConfig config = RestConfig.builder().host(host()).apiPath("/api").groupVersion(GroupVersion.of("", "v1"))
                .bearerToken("t0ken").userAgent("kube-client-test/1.0").build();
        try (RESTClient client = RESTClient.forConfig(config)) {
            Pod pod = client.get().namespace("ns").resource("pods").name("web").execute().into(Pod.class);
            assertThat(pod.getMetadata().getName()).isEqualTo("web");
        }
        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/pods/web");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(r.getHeaders().get("User-Agent")).isEqualTo("kube-client-test/1.0");
    }

    @Test
    void configMetricsReceiveTheHooksInsteadOfTheProcessWideListener() throws Exception {
        RecordingHooks global = new RecordingHooks();
        RecordingHooks own = new RecordingHooks();
        ClientMetrics previous = ClientMetrics.register(global);
        try {
            enqueueJson(200, "{}");
            enqueueJson(200, "{}");
            try (RESTClient mine = RESTClient.forConfigAndTransport(config().metrics(own).build(), transport);
                    RESTClient other = RESTClient.forConfigAndTransport(config().build(), transport)) {
                mine.get().resource("pods").execute();
                other.get().resource("configmaps").execute();
            }
            assertThat(own.latencies).containsExactly("GET pods 200");
            assertThat(global.latencies).containsExactly("GET configmaps 200");
            assertThat(config().metrics(own).build().toBuilder().build().metrics()).isSameAs(own);
        } finally {
            ClientMetrics.register(previous);
        }
    }

    @Test
    void unversionedForConfigTalksToApiRoot() throws Exception {
        enqueueJson(200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
        try (RESTClient client = RESTClient.unversionedForConfig(RestConfig.builder().host(host()).apiPath("/api").build())) {
            assertThat(client.apiVersion().isEmpty()).isTrue();
            assertThat(client.get().execute().statusCode()).isEqualTo(200);
        }
        assertThat(take().getTarget()).isEqualTo("/api");
    }

    @Test
    void closeLeavesCallersTransportOpen() throws Exception {
        enqueueJson(200, "{}");
        RESTClient first = RESTClient.forConfigAndTransport(config().build(), transport);
        first.close();
        RESTClient second = RESTClient.forConfigAndTransport(config().build(), transport);
        assertThat(second.get().execute().statusCode()).isEqualTo(200);
    }
}
