package io.kubeclient.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.restmapper.DefaultRESTMapper;
import io.kubeclient.restmapper.NoResourceMatchException;
import io.kubeclient.restmapper.RESTScope;
import io.kubeclient.kubernetes.NamespaceableResourceClient;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Transports;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.Watch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamicClientTest {

    private static final GroupVersionResource CRONTABS = GroupVersionResource.of("stable.example.com", "v1", "crontabs");
    private static final String CRONTAB = "{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTab\","
            + "\"metadata\":{\"name\":\"my-cron\",\"namespace\":\"ns1\"},\"spec\":{\"cronSpec\":\"* * * * */5\"}}";

    private MockWebServer server;
    private DynamicClient dc;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        String host = "http://" + server.getHostName() + ":" + server.getPort();
        dc = DynamicClient.newForConfigAndClient(RestConfig.builder().host(host).qps(-1).build(),
                Transports.forConfig(RestConfig.builder().host(host).build()));
    }

    @AfterEach
    void stop() {
        dc.close();
        server.close();
    }

    private void enqueueJson(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("request").isNotNull();
        return r;
    }

    private static GenericKubernetesResource crontab() {
        GenericKubernetesResource ct = new GenericKubernetesResource();
        ct.setApiVersion("stable.example.com/v1");
        ct.setKind("CronTab");
        ct.setMetadata(new ObjectMetaBuilder().withName("my-cron").build());
        ct.setAdditionalProperty("spec", Map.of("cronSpec", "* * * * */5"));
        return ct;
    }

    @Test
    void getReadsACustomResourceInANamespace() throws Exception {
        enqueueJson(200, CRONTAB);
        GenericKubernetesResource ct = dc.resource(CRONTABS).namespace("ns1").get("my-cron");
        assertThat(ct.getKind()).isEqualTo("CronTab");
        assertThat(ct.<String>get("spec", "cronSpec")).isEqualTo("* * * * */5");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron");
    }

    @Test
    void createPostsTheUnstructuredObject() throws Exception {
        enqueueJson(201, CRONTAB);
        dc.resource(CRONTABS).namespace("ns1").create(crontab());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"CronTab\"", "\"cronSpec\":\"* * * * */5\"");
    }

    @Test
    void listWithoutNamespaceSpansTheCluster() throws Exception {
        enqueueJson(200, "{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTabList\",\"metadata\":{},\"items\":["
                + CRONTAB + "]}");
        GenericKubernetesResourceList list = dc.resource(CRONTABS).list(ListOptions.builder().labelSelector("a=b").build());
        assertThat(list.getItems()).hasSize(1);
        assertThat(take().getTarget()).isEqualTo("/apis/stable.example.com/v1/crontabs?labelSelector=a%3Db");
    }

    @Test
    void coreGroupUsesTheLegacyApiPath() throws Exception {
        enqueueJson(200, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{},\"items\":[]}");
        dc.resource(GroupVersionResource.of("", "v1", "configmaps")).namespace("ns1").list();
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/configmaps");
    }

    @Test
    void updateStatusPatchApplyAndDeleteUseTheCustomResourcePaths() throws Exception {
        var crontabs = dc.resource(CRONTABS).namespace("ns1");
        enqueueJson(200, CRONTAB);
        crontabs.updateStatus(crontab());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron/status");

        enqueueJson(200, CRONTAB);
        crontabs.patch("my-cron", PatchType.MERGE, "{\"spec\":{\"replicas\":2}}", PatchOptions.empty());
        r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron");

        enqueueJson(200, CRONTAB);
        crontabs.apply(crontab(), ApplyOptions.of("cron-ctl"));
        r = take();
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/apply-patch+yaml");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron"
                + "?fieldManager=cron-ctl&force=false");
        assertThat(r.getBody().utf8()).isEqualTo("{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTab\","
                + "\"metadata\":{\"name\":\"my-cron\"},\"spec\":{\"cronSpec\":\"* * * * */5\"}}");

        enqueueJson(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        crontabs.delete("my-cron", DeleteOptions.builder().gracePeriodSeconds(0).build());
        r = take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron");
        assertThat(r.getBody().utf8()).contains("\"gracePeriodSeconds\":0");
    }

    @Test
    void watchDecodesUnstructuredEvents() throws Exception {
        enqueueJson(200, "{\"type\":\"MODIFIED\",\"object\":" + CRONTAB + "}\n");
        try (Watch<GenericKubernetesResource> w = dc.resource(CRONTABS).namespace("ns1").watch()) {
            List<Event<GenericKubernetesResource>> events = w.stream().toList();
            assertThat(events).extracting(Event::type).containsExactly(EventType.MODIFIED);
            assertThat(events.get(0).object().getMetadata().getName()).isEqualTo("my-cron");
        }
        assertThat(take().getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs?watch=true");
    }

    @Test
    void emptyVersionOrResourceFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> dc.resource(GroupVersionResource.of("stable.example.com", "", "crontabs")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> dc.resource(GroupVersionResource.of("stable.example.com", "v1", "")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resource");
        assertThatThrownBy(() -> dc.resource(GroupVersionResource.of("stable.example.com", "v1", "a/b")))
                .isInstanceOf(InvalidRequestException.class);
        NamespaceableResourceClient<GenericKubernetesResource, GenericKubernetesResourceList> crontabs = dc.resource(CRONTABS);
        assertThatThrownBy(() -> crontabs.namespace("ns1").get("..")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> crontabs.namespace("").delete("x")).isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void groupOrVersionThatWouldEscapeTheApiPathFailsBeforeAnyRequest() {
        // "/apis/../../api/v1/secrets" would otherwise be cleaned into "/api/v1/secrets".
        for (GroupVersionResource gvr : List.of(GroupVersionResource.of("..", "..", "secrets"),
                GroupVersionResource.of("a/b", "v1", "crontabs"), GroupVersionResource.of("stable.example.com", "v1/..", "x"),
                GroupVersionResource.of("stable.example.com", "%2e%2e", "x"), GroupVersionResource.of(".", "v1", "x"))) {
            assertThatThrownBy(() -> dc.resource(gvr)).as(gvr.toString())
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void withRESTMapperRejectsUnknownResourcesBeforeAnyRequest() throws Exception {
        DefaultRESTMapper mapper = new DefaultRESTMapper(List.of(GroupVersion.of("stable.example.com", "v1")));
        mapper.add(GroupVersionKind.of("stable.example.com", "v1", "CronTab"), RESTScope.NAMESPACE);
        DynamicClient checked = dc.withRESTMapper(mapper);

        assertThatThrownBy(() -> checked.resource(GroupVersionResource.of("stable.example.com", "v2", "crontabs")))
                .isInstanceOf(NoResourceMatchException.class).hasMessageContaining("crontabs");
        assertThatThrownBy(() -> checked.resource(GroupVersionResource.of("other.example.com", "v1", "widgets")))
                .isInstanceOf(NoResourceMatchException.class);
        assertThat(server.getRequestCount()).isZero();

        enqueueJson(200, CRONTAB);
        assertThat(checked.resource(CRONTABS).namespace("ns1").get("my-cron").getKind()).isEqualTo("CronTab");
        assertThat(take().getTarget()).isEqualTo("/apis/stable.example.com/v1/namespaces/ns1/crontabs/my-cron");
    }
}
