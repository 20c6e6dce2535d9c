package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static io.kubeclient.testing.e2e.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.patch.MergePatch;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.EnableFakeApiServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Strategic merge, JSON merge and JSON patches sent through the typed clients. */
@EnableFakeApiServer
class PatchThroughClientsTest {

    Clientset cs;

    @Test
    void strategicMergePatchMergesContainersByName() {
        var pods = cs.coreV1().pods("default");
        pods.create(pod("smp"));

        pods.patch("smp", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"envoy:1.30\"}]}}");
        Pod p = pods.patch("smp", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.28\"}]}}");

        assertThat(p.getSpec().getContainers()).extracting(Container::getName, Container::getImage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", "nginx:1.28"),
                        org.assertj.core.groups.Tuple.tuple("sidecar", "envoy:1.30"));
    }

    @Test
    void strategicMergePatchDeletesAContainerWithTheDirective() {
        var pods = cs.coreV1().pods("default");
        pods.create(pod("smp-delete"));
        pods.patch("smp-delete", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"envoy:1.30\"}]}}");

        Pod p = pods.patch("smp-delete", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"app\",\"$patch\":\"delete\"}]}}");

        assertThat(p.getSpec().getContainers()).extracting(Container::getName).containsExactly("sidecar");
    }

    @Test
    void jsonMergePatchReplacesListsWhole() {
        var pods = cs.coreV1().pods("default");
        pods.create(pod("merge-list"));

        Pod p = pods.patch("merge-list", PatchType.MERGE,
                "{\"spec\":{\"containers\":[{\"name\":\"only\",\"image\":\"busybox\"}]}}");

        assertThat(p.getSpec().getContainers()).extracting(Container::getName).containsExactly("only");
    }

    @Test
    void computedMergePatchChangesOnlyTheDifference() {
        var cms = cs.coreV1().configMaps("default");
        ConfigMap original = cms.create(new ConfigMapBuilder(configMap("mp", "keep", "1")).addToData("drop", "x").build());
        ConfigMap modified = new ConfigMapBuilder(original).removeFromData("drop").addToData("add", "2").build();

        JsonNode patch = MergePatch.create(original, modified);
        assertThat(patch.propertyNames()).containsExactly("data");
        assertThat(patch.get("data").propertyNames()).containsExactlyInAnyOrder("add", "drop");
        assertThat(patch.get("data").get("drop").isNull()).isTrue();
        ConfigMap patched = cms.patch("mp", PatchType.MERGE, patch.toString());

        assertThat(patched.getData()).containsOnlyKeys("keep", "add");
    }

    @Test
    void optimisticLockPatchFailsWithAConflictOnceTheObjectChanged() {
        var cms = cs.coreV1().configMaps("default");
        ConfigMap original = cms.create(configMap("mp-lock", "k", "1"));
        ConfigMap mine = new ConfigMapBuilder(original).addToData("k", "mine").build();
        String lockedPatch = MergePatch.createWithOptimisticLock(original, mine).toString();

        ConfigMap theirs = cms.get("mp-lock");
        theirs.getData().put("k", "theirs");
        cms.update(theirs);

        assertThatThrownBy(() -> cms.patch("mp-lock", PatchType.MERGE, lockedPatch))
                .satisfies(e -> assertThat(Errors.isConflict(e)).isTrue());
        assertThat(cms.get("mp-lock").getData()).containsEntry("k", "theirs");

        ConfigMap fresh = cms.get("mp-lock");
        ConfigMap retried = cms.patch("mp-lock", PatchType.MERGE, MergePatch.createWithOptimisticLock(fresh,
                new ConfigMapBuilder(fresh).addToData("k", "mine").build()).toString());
        assertThat(retried.getData()).containsEntry("k", "mine");
    }

    @Test
    void jsonPatchTestOperationGuardsTheChange() {
        var cms = cs.coreV1().configMaps("default");
        cms.create(configMap("jp", "k", "1"));

        ConfigMap p = cms.patch("jp", PatchType.JSON,
                "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"1\"},{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"2\"}]");
        assertThat(p.getData()).containsEntry("k", "2");

        assertThatThrownBy(() -> cms.patch("jp", PatchType.JSON,
                "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"1\"},{\"op\":\"remove\",\"path\":\"/data/k\"}]"))
                .satisfies(e -> assertThat(Errors.isInvalid(e) || Errors.isBadRequest(e) || Errors.isConflict(e)).isTrue());
        assertThat(cms.get("jp").getData()).containsEntry("k", "2");
    }
}
