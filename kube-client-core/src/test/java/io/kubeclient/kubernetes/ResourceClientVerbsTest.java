package io.kubeclient.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.DeletionPropagation;
import io.kubeclient.apimachinery.meta.GetOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.Watch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verb's method, path, query and body, for a namespaced and a cluster-scoped resource in the
 * core group and in a named group.
 */
class ResourceClientVerbsTest extends ClientsetTestSupport {

    /** One resource under test: how to get its client, where it lives, and a sample object. */
    record Target(String label, Function<Clientset, ResourceClient<?, ?>> client, String collectionPath,
            String kind, String apiVersion, HasMetadata sample) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Target> targets() {
        return Stream.of(
                new Target("pods", cs -> cs.coreV1().pods("ns1"), "/api/v1/namespaces/ns1/pods", "Pod", "v1",
                        new PodBuilder().withNewMetadata().withName("web").endMetadata().build()),
                new Target("nodes", cs -> cs.coreV1().nodes(), "/api/v1/nodes", "Node", "v1",
                        new NodeBuilder().withNewMetadata().withName("web").endMetadata().build()),
                new Target("deployments", cs -> cs.appsV1().deployments("ns1"),
                        "/apis/apps/v1/namespaces/ns1/deployments", "Deployment", "apps/v1",
                        new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().build()),
                new Target("clusterroles", cs -> cs.rbacV1().clusterRoles(),
                        "/apis/rbac.authorization.k8s.io/v1/clusterroles", "ClusterRole", "rbac.authorization.k8s.io/v1",
                        new ClusterRoleBuilder().withNewMetadata().withName("web").endMetadata().build()));
    }

    private String object(Target t, String rv) {
        return "{\"kind\":\"" + t.kind() + "\",\"apiVersion\":\"" + t.apiVersion()
                + "\",\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"" + rv + "\"}}";
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> ResourceClient<T, ?> typed(Target t, Clientset cs) {
        return (ResourceClient<T, ?>) t.client().apply(cs);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void createPostsTheObjectWithOptions(Target t) throws Exception {
        enqueueJson(201, object(t, "1"));
        HasMetadata created = typed(t, cs).create(t.sample(),
                CreateOptions.builder().dryRunAll().fieldManager("me").build());
        assertThat(created.getMetadata().getResourceVersion()).isEqualTo("1");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "?dryRun=All&fieldManager=me");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"" + t.kind() + "\"", "\"name\":\"web\"");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void updatePutsToTheNamedObject(Target t) throws Exception {
        enqueueJson(200, object(t, "2"));
        HasMetadata updated = typed(t, cs).update(t.sample(), UpdateOptions.builder().fieldManager("me").build());
        assertThat(updated.getMetadata().getResourceVersion()).isEqualTo("2");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web?fieldManager=me");
        assertThat(r.getBody().utf8()).contains("\"name\":\"web\"");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void deleteSendsOptionsAsJsonBody(Target t) throws Exception {
        enqueueJson(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        typed(t, cs).delete("web", DeleteOptions.builder().gracePeriodSeconds(0)
                .propagationPolicy(DeletionPropagation.FOREGROUND).preconditionUid("u1").build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"DeleteOptions\"", "\"gracePeriodSeconds\":0",
                "\"propagationPolicy\":\"Foreground\"", "\"uid\":\"u1\"");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void deleteThrowsTheServersStatus(Target t) {
        enqueueJson(404, status404(t.label(), "web"));
        assertThatThrownBy(() -> typed(t, cs).delete("web"))
                .isInstanceOf(StatusException.class).satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue());
    }

    @ParameterizedTest
    @MethodSource("targets")
    void deleteCollectionSendsListOptionsAsQueryAndDeleteOptionsAsBody(Target t) throws Exception {
        enqueueJson(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        typed(t, cs).deleteCollection(DeleteOptions.builder().propagationPolicy(DeletionPropagation.BACKGROUND).build(),
                ListOptions.builder().labelSelector("app=web").build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "?labelSelector=app%3Dweb");
        assertThat(r.getBody().utf8()).contains("\"propagationPolicy\":\"Background\"");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void deleteCollectionWithNullListOptionsFailsInsteadOfDeletingEverything(Target t) {
        assertThatThrownBy(() -> typed(t, cs).deleteCollection(DeleteOptions.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("listOptions");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void getReadsTheNamedObject(Target t) throws Exception {
        enqueueJson(200, object(t, "5"));
        HasMetadata got = typed(t, cs).get("web", GetOptions.atResourceVersion("0"));
        assertThat(got.getKind()).isEqualTo(t.kind());
        assertThat(got.getMetadata().getResourceVersion()).isEqualTo("5");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web?resourceVersion=0");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void listSendsSelectorsAndDecodesTheList(Target t) throws Exception {
        enqueueJson(200, "{\"kind\":\"" + t.kind() + "List\",\"apiVersion\":\"" + t.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[" + object(t, "3") + "]}");
        List<?> items = typed(t, cs).list(ListOptions.builder().labelSelector("app=web").fieldSelector("metadata.name=web")
                .limit(10).build()).getItems();
        assertThat(items).hasSize(1);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath()
                + "?fieldSelector=metadata.name%3Dweb&labelSelector=app%3Dweb&limit=10");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void watchDecodesEvents(Target t) throws Exception {
        enqueueJson(200, "{\"type\":\"ADDED\",\"object\":" + object(t, "7") + "}\n"
                + "{\"type\":\"DELETED\",\"object\":" + object(t, "8") + "}\n");
        try (Watch<? extends HasMetadata> watch = typed(t, cs).watch(ListOptions.builder().resourceVersion("6").build())) {
            List<? extends Event<? extends HasMetadata>> events = watch.stream().toList();
            assertThat(events).extracting(Event::type).containsExactly(EventType.ADDED, EventType.DELETED);
            assertThat(events.get(1).object().getMetadata().getResourceVersion()).isEqualTo("8");
            assertThat(events.get(0).object().getKind()).isEqualTo(t.kind());
        }
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "?resourceVersion=6&watch=true");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void patchSendsTheBodyWithItsContentType(Target t) throws Exception {
        enqueueJson(200, object(t, "4"));
        String patch = "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}";
        typed(t, cs).patch("web", PatchType.MERGE, patch, PatchOptions.builder().fieldManager("me").build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web?fieldManager=me");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(r.getBody().utf8()).isEqualTo(patch);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void patchOfEveryTypePassesThroughToASubresource(Target t) throws Exception {
        for (PatchType type : List.of(PatchType.JSON, PatchType.STRATEGIC_MERGE)) {
            enqueueJson(200, object(t, "4"));
            byte[] body = "[{\"op\":\"remove\",\"path\":\"/status/x\"}]".getBytes(StandardCharsets.UTF_8);
            typed(t, cs).patch("web", type, body, PatchOptions.empty(), "status");
            RecordedRequest r = take();
            assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web/status");
            assertThat(r.getHeaders().get("Content-Type")).isEqualTo(type.contentType());
            assertThat(r.getBody().toByteArray()).isEqualTo(body);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void applySendsApplyPatchWithFieldManagerAndForce(Target t) throws Exception {
        enqueueJson(200, object(t, "4"));
        typed(t, cs).apply(t.sample(), ApplyOptions.builder().fieldManager("my-ctl").force(true).build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getTarget()).isEqualTo(t.collectionPath() + "/web?fieldManager=my-ctl&force=true");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/apply-patch+yaml");
        assertThat(r.getBody().utf8()).isEqualTo("{\"apiVersion\":\"" + t.apiVersion() + "\",\"kind\":\"" + t.kind()
                + "\",\"metadata\":{\"name\":\"web\"}}");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void invalidNamesFailBeforeAnyRequest(Target t) {
        for (String name : List.of("", ".", "..", "a/b", "a%2F")) {
            assertThatThrownBy(() -> typed(t, cs).get(name)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining(t.label());
            assertThatThrownBy(() -> typed(t, cs).delete(name)).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> typed(t, cs).patch(name, PatchType.MERGE, "{}"))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertNoRequest();
    }
}
