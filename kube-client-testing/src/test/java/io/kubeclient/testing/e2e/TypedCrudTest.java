package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static io.kubeclient.testing.e2e.Fixtures.deployment;
import static io.kubeclient.testing.e2e.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.errors.StatusReason;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.EnableFakeApiServer;
import io.kubeclient.testing.FakeApiServer;
import org.junit.jupiter.api.Test;

/** Create, read, update and delete through the typed clients of a {@link Clientset}. */
@EnableFakeApiServer
class TypedCrudTest {

    Clientset cs;
    FakeApiServer server;

    @Test
    void createsGetsListsAndDeletesPods() {
        Pod created = cs.coreV1().pods("default").create(pod("crud-web", "tier", "front"));

        assertThat(created.getMetadata().getUid()).isNotEmpty();
        assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
        assertThat(created.getMetadata().getCreationTimestamp()).isNotEmpty();
        assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(cs.coreV1().pods("default").get("crud-web").getMetadata().getUid())
                .isEqualTo(created.getMetadata().getUid());
        assertThat(cs.coreV1().pods("default").list(ListOptions.builder().labelSelector("tier in (front)").build())
                .getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("crud-web");

        cs.coreV1().pods("default").delete("crud-web");

        assertThat(server.get(Pod.class, "default", "crud-web")).isNull();
        assertThatThrownBy(() -> cs.coreV1().pods("default").get("crud-web"))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue())
                .hasMessageContaining("pods \"crud-web\" not found");
    }

    @Test
    void secondCreateOfTheSameNameIsAlreadyExists() {
        cs.coreV1().configMaps("default").create(configMap("crud-dup", "k", "v"));

        assertThatThrownBy(() -> cs.coreV1().configMaps("default").create(configMap("crud-dup", "k", "w")))
                .satisfies(e -> assertThat(Errors.isAlreadyExists(e)).isTrue())
                .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(409));
    }

    @Test
    void createInAMissingNamespaceIsNotFound() {
        assertThatThrownBy(() -> cs.coreV1().configMaps("no-such-ns").create(configMap("x", "k", "v")))
                .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue())
                .hasMessageContaining("namespaces \"no-such-ns\" not found");
    }

    @Test
    void staleUpdateIsAConflictAndTheFreshOneWins() {
        ConfigMap v1 = cs.coreV1().configMaps("default").create(configMap("crud-occ", "k", "1"));
        ConfigMap fresh = cs.coreV1().configMaps("default").get("crud-occ");
        fresh.getData().put("k", "2");
        ConfigMap v2 = cs.coreV1().configMaps("default").update(fresh);

        v1.getData().put("k", "stale");
        assertThatThrownBy(() -> cs.coreV1().configMaps("default").update(v1))
                .satisfies(e -> assertThat(Errors.isConflict(e)).isTrue())
                .satisfies(e -> assertThat(Errors.reasonForError(e)).isEqualTo(StatusReason.CONFLICT))
                .hasMessageContaining("Operation cannot be fulfilled on configmaps \"crud-occ\"");
        assertThat(cs.coreV1().configMaps("default").get("crud-occ").getData()).containsEntry("k", "2");
        assertThat(Long.parseLong(v2.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(v1.getMetadata().getResourceVersion()));
    }

    @Test
    void deploymentsInAppsV1BumpGenerationOnSpecChangesOnly() {
        var deployments = cs.appsV1().deployments("default");
        Deployment d = deployments.create(deployment("crud-deploy", 2));
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);

        d.getMetadata().setLabels(java.util.Map.of("touched", "yes"));
        d = deployments.update(d);
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);

        d.getSpec().setReplicas(5);
        d = deployments.update(d);
        assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(deployments.list().getItems()).extracting(x -> x.getMetadata().getName()).contains("crud-deploy");
    }

    @Test
    void clusterScopedNodesIgnoreNamespaces() {
        Node node = cs.coreV1().nodes().create(new NodeBuilder().withNewMetadata().withName("crud-node-1")
                .endMetadata().build());

        assertThat(node.getMetadata().getNamespace()).isNull();
        assertThat(cs.coreV1().nodes().get("crud-node-1").getMetadata().getUid())
                .isEqualTo(node.getMetadata().getUid());
        cs.coreV1().nodes().delete("crud-node-1");
        assertThat(cs.coreV1().nodes().list().getItems()).noneMatch(n -> n.getMetadata().getName().equals("crud-node-1"));
    }

    @Test
    void updateStatusChangesOnlyTheStatus() {
        var pods = cs.coreV1().pods("default");
        Pod p = pods.create(pod("crud-status"));
        p.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP("10.0.0.7").build());
        p.getSpec().getContainers().get(0).setImage("ignored:2");

        Pod updated = pods.updateStatus(p);

        assertThat(updated.getStatus().getPhase()).isEqualTo("Running");
        assertThat(updated.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        assertThat(pods.list(ListOptions.builder().fieldSelector("status.phase=Running").build()).getItems())
                .extracting(x -> x.getMetadata().getName()).containsExactly("crud-status");
    }

    @Test
    void statusInAPlainUpdateIsIgnored() {
        var pods = cs.coreV1().pods("default");
        Pod p = pods.create(pod("crud-status-put"));
        p.setStatus(new PodStatusBuilder().withPhase("Succeeded").build());
        p.getMetadata().setLabels(java.util.Map.of("a", "b"));

        Pod updated = pods.update(p);

        assertThat(updated.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(updated.getMetadata().getLabels()).containsEntry("a", "b");
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        var deployments = cs.appsV1().deployments("default");
        deployments.create(deployment("crud-scale", 2));

        Scale scale = deployments.getScale("crud-scale");
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        scale.getSpec().setReplicas(7);
        Scale updated = deployments.updateScale("crud-scale", scale);

        assertThat(updated.getSpec().getReplicas()).isEqualTo(7);
        assertThat(deployments.get("crud-scale").getSpec().getReplicas()).isEqualTo(7);

        scale.getSpec().setReplicas(1); // carries the old resourceVersion
        assertThatThrownBy(() -> deployments.updateScale("crud-scale", scale))
                .satisfies(e -> assertThat(Errors.isConflict(e)).isTrue());
    }
}
