package io.kubeclient.testing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.managedfields.Extract;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.kubernetes.ScalableResourceClient;
import io.kubeclient.testing.EnableFakeApiServer;
import org.junit.jupiter.api.Test;

/** Server-side apply through the typed client: creation, conflicts between managers, force, and Extract. */
@EnableFakeApiServer
class ServerSideApplyTest {

    Clientset cs;

    private ScalableResourceClient<Deployment, ?> deployments() {
        return cs.appsV1().deployments("default");
    }

    private static Deployment applyConfig(String name, Integer replicas, String image) {
        DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec();
        if (image != null) {
            b.editSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                    .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                    .endTemplate().endSpec();
        }
        return b.build();
    }

    @Test
    void applyCreatesTheObjectAndRecordsTheManager() {
        Deployment d = deployments().apply(applyConfig("ssa-create", 2, "nginx:1.27"), ApplyOptions.of("deployer"));

        assertThat(d.getMetadata().getUid()).isNotEmpty();
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(d.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
                ManagedFieldsEntry::getOperation).containsExactly(org.assertj.core.groups.Tuple.tuple("deployer", "Apply"));
        assertThat(deployments().get("ssa-create").getSpec().getTemplate().getSpec().getContainers())
                .singleElement().satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx:1.27"));
    }

    @Test
    void aSecondManagerConflictsUntilItForcesAndExtractFollowsOwnership() {
        deployments().apply(applyConfig("ssa-conflict", 2, "nginx:1.27"), ApplyOptions.of("deployer"));

        assertThatThrownBy(() -> deployments().apply(applyConfig("ssa-conflict", 5, null), ApplyOptions.of("autoscaler")))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> assertThat(Errors.isConflict(e)).isTrue())
                .hasMessageContaining("Apply failed with 1 conflict")
                .hasMessageContaining("conflict with \"deployer\"")
                .satisfies(e -> {
                    StatusCause cause = Errors.statusCause(e, "FieldManagerConflict").orElseThrow();
                    assertThat(cause.getField()).isEqualTo(".spec.replicas");
                });
        assertThat(deployments().get("ssa-conflict").getSpec().getReplicas()).isEqualTo(2);

        Deployment forced = deployments().apply(applyConfig("ssa-conflict", 5, null),
                ApplyOptions.builder().fieldManager("autoscaler").force(true).build());

        assertThat(forced.getSpec().getReplicas()).isEqualTo(5);
        assertThat(forced.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");

        Deployment autoscalerFields = Extract.extract(forced, "autoscaler");
        assertThat(autoscalerFields.getMetadata().getName()).isEqualTo("ssa-conflict");
        assertThat(autoscalerFields.getSpec().getReplicas()).isEqualTo(5);
        assertThat(autoscalerFields.getSpec().getTemplate()).isNull();

        Deployment deployerFields = Extract.extract(forced, "deployer");
        assertThat(deployerFields.getSpec().getReplicas()).isNull();
        assertThat(deployerFields.getSpec().getTemplate().getSpec().getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx:1.27"));
    }

    @Test
    void reapplyingTheExtractedConfigurationChangesNothing() {
        Deployment d = deployments().apply(applyConfig("ssa-extract", 3, "nginx:1.27"), ApplyOptions.of("deployer"));

        Deployment again = deployments().apply(Extract.extract(d, "deployer"), ApplyOptions.of("deployer"));

        assertThat(again.getMetadata().getResourceVersion()).isEqualTo(d.getMetadata().getResourceVersion());
    }

    @Test
    void fieldsAManagerStopsApplyingAreRemoved() {
        deployments().apply(new DeploymentBuilder(applyConfig("ssa-remove", 3, "nginx:1.27")).editMetadata()
                .addToLabels("team", "a").endMetadata().build(), ApplyOptions.of("deployer"));

        Deployment d = deployments().apply(applyConfig("ssa-remove", 3, "nginx:1.27"), ApplyOptions.of("deployer"));

        assertThat(d.getMetadata().getLabels()).doesNotContainKey("team");
    }
}
