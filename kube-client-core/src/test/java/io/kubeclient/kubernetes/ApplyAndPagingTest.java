package io.kubeclient.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.ResourceVersionMatch;
import io.kubeclient.rest.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ApplyAndPagingTest extends ClientsetTestSupport {

    // ------------------------------------------------------------------ apply

    @Test
    void partiallyBuiltObjectEmitsOnlyItsSetFields() {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("ns1").endMetadata()
                .withNewSpec().withReplicas(3).withNewTemplate().withNewSpec().addNewContainer().withName("app")
                .withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec().build();
        String json = new String(ApplyJson.encode(d), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"web\",\"namespace\":\"ns1\"},"
                + "\"spec\":{\"replicas\":3,\"template\":{\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"app\"}]}}}}");
    }

    @Test
    void applyJsonKeepsEmptyStringsAndEmptyObjectsButDropsEmptyListsAndMaps() {
        Pod p = new PodBuilder().withNewMetadata().withName("web").withLabels(java.util.Map.of()).endMetadata()
                .withNewSpec().addNewVolume().withName("scratch").withEmptyDir(new EmptyDirVolumeSource()).endVolume()
                .addNewContainer().withName("app").addNewEnv().withName("EMPTY").withValue("").endEnv()
                .withArgs(List.of()).endContainer().endSpec().build();
        String json = new String(ApplyJson.encode(p), StandardCharsets.UTF_8);
        assertThat(json).contains("\"emptyDir\":{}", "\"value\":\"\"").doesNotContain("labels", "args", "status");
    }

    @Test
    void applyWithoutFieldManagerFailsBeforeAnyRequest() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().build();
        assertThatThrownBy(() -> cs.coreV1().configMaps("ns1").apply(cm, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("fieldManager");
        assertThatThrownBy(() -> ApplyOptions.builder().force(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fieldManager");
        assertNoRequest();
    }

    @Test
    void applyWithoutNameOrObjectFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> cs.coreV1().configMaps("ns1").apply(new ConfigMap(), ApplyOptions.of("me")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metadata.name");
        assertThatThrownBy(() -> cs.coreV1().configMaps("ns1").apply(null, ApplyOptions.of("me")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must not be null");
        assertNoRequest();
    }

    @Test
    void applyConflictSurfacesAsConflict() {
        enqueueJson(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Conflict\","
                + "\"code\":409,\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl\\\": .data.k\"}");
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().addToData("k", "v").build();
        assertThatThrownBy(() -> cs.coreV1().configMaps("ns1").apply(cm, ApplyOptions.of("me")))
                .isInstanceOf(StatusException.class).satisfies(e -> assertThat(Errors.isConflict(e)).isTrue());
    }

    // ------------------------------------------------------------------ namespaces

    @Test
    void allNamespacesListsWithoutANamespaceSegment() throws Exception {
        enqueueJson(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}");
        assertThat(cs.coreV1().pods("").list().getItems()).isEmpty();
        assertThat(take().getTarget()).isEqualTo("/api/v1/pods");
    }

    @Test
    void allNamespacesRefusesWritesBeforeAnyRequest() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().build();
        ResourceClient<Pod, ?> all = cs.coreV1().pods("");
        assertThatThrownBy(() -> all.create(pod)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("namespace is required");
        assertThatThrownBy(() -> all.update(pod)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> all.get("web")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> all.delete("web")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> all.apply(pod, ApplyOptions.of("me"))).isInstanceOf(InvalidRequestException.class);
        assertNoRequest();
    }

    @Test
    void invalidNamespaceFailsImmediately() {
        assertThatThrownBy(() -> cs.coreV1().pods("Not_A_Label")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Not_A_Label");
        assertThatThrownBy(() -> cs.appsV1().deployments("a/b")).isInstanceOf(InvalidRequestException.class);
        assertNoRequest();
    }

    // ------------------------------------------------------------------ paging

    private static String page(String cont, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append(items.length() == 0 ? "" : ",").append("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"")
                    .append(n).append("\"}}");
        }
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"10\""
                + (cont.isEmpty() ? "" : ",\"continue\":\"" + cont + "\"") + "},\"items\":[" + items + "]}";
    }

    @Test
    void listAllFollowsContinueTokensLazilyOverThreePages() throws Exception {
        enqueueJson(200, page("c1", "a", "b"));
        enqueueJson(200, page("c2", "c", "d"));
        enqueueJson(200, page("", "e"));
        Stream<Pod> all = cs.coreV1().pods("ns1").listAll(ListOptions.builder().labelSelector("app=web").limit(2)
                .resourceVersion("0").resourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN).build());
        assertThat(server.getRequestCount()).isZero();
        Iterator<Pod> it = all.iterator();
        assertThat(it.next().getMetadata().getName()).isEqualTo("a");
        assertThat(server.getRequestCount()).isEqualTo(1);
        List<String> rest = new java.util.ArrayList<>();
        it.forEachRemaining(p -> rest.add(p.getMetadata().getName()));
        assertThat(rest).containsExactly("b", "c", "d", "e");

        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods"
                + "?labelSelector=app%3Dweb&limit=2&resourceVersion=0&resourceVersionMatch=NotOlderThan");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods?continue=c1&labelSelector=app%3Dweb&limit=2");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods?continue=c2&labelSelector=app%3Dweb&limit=2");
    }

    @Test
    void listAllDefaultsToPagesOf500AndSkipsEmptyPages() throws Exception {
        enqueueJson(200, page("c1"));
        enqueueJson(200, page("", "a"));
        assertThat(cs.coreV1().pods("ns1").listAll().map(p -> p.getMetadata().getName()).toList()).containsExactly("a");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods?limit=500");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods?continue=c1&limit=500");
    }

    @Test
    void expiredContinueTokenThrowsPaginationExpired() {
        enqueueJson(200, page("c1", "a"));
        enqueueJson(410, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
                + "\"message\":\"The provided continue parameter is too old to display a consistent list result.\"}");
        Iterator<Pod> it = cs.coreV1().pods("ns1").listAll().iterator();
        assertThat(it.next().getMetadata().getName()).isEqualTo("a");
        assertThatThrownBy(it::hasNext).isInstanceOf(PaginationExpiredException.class)
                .hasMessageContaining("pods").hasMessageContaining("list again")
                .cause().isInstanceOf(StatusException.class).satisfies(e -> assertThat(Errors.isResourceExpired(e)).isTrue());
    }

    @Test
    void errorOnTheFirstPageIsThrownAsIs() {
        enqueueJson(410, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
                + "\"message\":\"too old resource version\"}");
        assertThatThrownBy(() -> cs.coreV1().pods("ns1").listAll().toList()).isInstanceOf(StatusException.class);
    }
}
