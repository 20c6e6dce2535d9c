package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static io.kubeclient.testing.e2e.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.PatchOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.EnableFakeApiServer;
import io.kubeclient.testing.FakeApiServer;
import org.junit.jupiter.api.Test;

/** {@code dryRun=All} on every write: a realistic answer, nothing stored, no resource version used. */
@EnableFakeApiServer
class DryRunTest {

    Clientset cs;
    FakeApiServer server;

    @Test
    void dryRunCreateAnswersLikeACreateButStoresNothing() {
        long rv = server.resourceVersion();
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withGenerateName("dry-").endMetadata()
                .addToData("k", "v").build();

        ConfigMap answer = cs.coreV1().configMaps("default").create(cm, CreateOptions.builder().dryRunAll().build());

        assertThat(answer.getMetadata().getName()).startsWith("dry-").hasSize(9);
        assertThat(answer.getMetadata().getUid()).isNotEmpty();
        assertThat(answer.getMetadata().getCreationTimestamp()).isNotEmpty();
        assertThat(answer.getData()).containsEntry("k", "v");
        assertThat(server.get(ConfigMap.class, "default", answer.getMetadata().getName())).isNull();
        assertThat(server.resourceVersion()).isEqualTo(rv);
    }

    @Test
    void dryRunCreateStillValidates() {
        cs.coreV1().configMaps("default").create(configMap("dry-exists", "k", "v"));

        assertThatThrownBy(() -> cs.coreV1().configMaps("default").create(configMap("dry-exists", "k", "v"),
                CreateOptions.builder().dryRunAll().build()))
                .satisfies(e -> assertThat(Errors.isAlreadyExists(e)).isTrue());
        assertThatThrownBy(() -> cs.coreV1().configMaps("default").create(configMap("Not_Valid", "k", "v"),
                CreateOptions.builder().dryRunAll().build()))
                .satisfies(e -> assertThat(Errors.isInvalid(e)).isTrue());
    }

    @Test
    void dryRunUpdatePatchAndApplyLeaveTheStoredObjectAlone() {
        Deployment stored = cs.appsV1().deployments("default").create(deployment("dry-deploy", 1));
        long rv = server.resourceVersion();

        Deployment changed = cs.appsV1().deployments("default").get("dry-deploy");
        changed.getSpec().setReplicas(4);
        Deployment updated = cs.appsV1().deployments("default").update(changed,
                UpdateOptions.builder().dryRunAll().build());
        Deployment patched = cs.appsV1().deployments("default").patch("dry-deploy", PatchType.MERGE,
                "{\"spec\":{\"replicas\":6}}", PatchOptions.builder().dryRunAll().build());
        Deployment applied = cs.appsV1().deployments("default").apply(
                new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder().withNewMetadata().withName("dry-deploy")
                        .endMetadata().withNewSpec().withReplicas(8).endSpec().build(),
                ApplyOptions.builder().fieldManager("dry").force(true).dryRunAll().build());

        assertThat(updated.getSpec().getReplicas()).isEqualTo(4);
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(patched.getSpec().getReplicas()).isEqualTo(6);
        assertThat(applied.getSpec().getReplicas()).isEqualTo(8);
        assertThat(server.resourceVersion()).isEqualTo(rv);
        Deployment now = cs.appsV1().deployments("default").get("dry-deploy");
        assertThat(now.getSpec().getReplicas()).isEqualTo(1);
        assertThat(now.getMetadata().getResourceVersion()).isEqualTo(stored.getMetadata().getResourceVersion());
    }

    @Test
    void dryRunDeleteKeepsTheObject() {
        cs.coreV1().configMaps("default").create(configMap("dry-delete", "k", "v"));

        cs.coreV1().configMaps("default").delete("dry-delete", DeleteOptions.builder().dryRunAll().build());

        assertThat(cs.coreV1().configMaps("default").get("dry-delete").getData()).containsEntry("k", "v");
        assertThatThrownBy(() -> cs.coreV1().configMaps("default").delete("dry-missing",
                DeleteOptions.builder().dryRunAll().build()))
                .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue());
    }
}
