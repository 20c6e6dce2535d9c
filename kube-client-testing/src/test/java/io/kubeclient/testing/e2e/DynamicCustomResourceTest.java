package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.CronTabs.GVR;
import static io.kubeclient.testing.e2e.CronTabs.cronTab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.kubernetes.StatusResourceClient;
import io.kubeclient.testing.EnableFakeApiServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A custom resource served after its CustomResourceDefinition is created, used through the DynamicClient. */
@EnableFakeApiServer
class DynamicCustomResourceTest {

    Clientset cs;
    DynamicClient dynamic;

    @BeforeEach
    void defineCronTabs() {
        try {
            cs.apiextensionsV1().customResourceDefinitions().create(CronTabs.definition());
        } catch (RuntimeException e) {
            if (!Errors.isAlreadyExists(e)) {
                throw e;
            }
        }
    }

    private StatusResourceClient<GenericKubernetesResource, GenericKubernetesResourceList> cronTabs() {
        return dynamic.resource(GVR).namespace("default");
    }

    @Test
    void createsReadsListsAndDeletesCustomObjects() {
        GenericKubernetesResource created = cronTabs().create(cronTab("nightly", "0 3 * * *"));

        assertThat(created.getMetadata().getUid()).isNotEmpty();
        assertThat((String) created.get("spec", "cronSpec")).isEqualTo("0 3 * * *");
        assertThat(cronTabs().get("nightly").getKind()).isEqualTo("CronTab");
        assertThat(dynamic.resource(GVR).list().getItems()).extracting(r -> r.getMetadata().getName())
                .contains("nightly");

        cronTabs().delete("nightly");
        assertThatThrownBy(() -> cronTabs().get("nightly"))
                .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue())
                .hasMessageContaining("crontabs.stable.example.com \"nightly\" not found");
    }

    @Test
    void mergePatchWorksAndStrategicMergeIsUnsupportedForCustomResources() {
        cronTabs().create(cronTab("patched", "* * * * */5"));

        GenericKubernetesResource p = cronTabs().patch("patched", PatchType.MERGE,
                "{\"spec\":{\"replicas\":3}}");
        assertThat((Integer) p.get("spec", "replicas")).isEqualTo(3);
        assertThat((String) p.get("spec", "cronSpec")).isEqualTo("* * * * */5");

        assertThatThrownBy(() -> cronTabs().patch("patched", PatchType.STRATEGIC_MERGE, "{\"spec\":{\"replicas\":4}}"))
                .satisfies(e -> assertThat(Errors.isUnsupportedMediaType(e)).isTrue());
    }

    @Test
    void statusSubresourceAndApplyWorkOnCustomObjects() {
        GenericKubernetesResource ct = cronTabs().apply(cronTab("applied", "0 * * * *"), ApplyOptions.of("e2e"));
        assertThat(ct.getMetadata().getManagedFields()).extracting(m -> m.getManager()).containsExactly("e2e");

        ct.setAdditionalProperty("status", Map.of("lastRun", "now"));
        GenericKubernetesResource withStatus = cronTabs().updateStatus(ct);

        assertThat((String) withStatus.get("status", "lastRun")).isEqualTo("now");
        assertThat(cronTabs().list(ListOptions.builder().fieldSelector("metadata.name=applied").build()).getItems())
                .singleElement().satisfies(r -> assertThat((String) r.get("status", "lastRun")).isEqualTo("now"));
    }

    @Test
    void deletingTheDefinitionStopsServingTheResource() {
        cs.apiextensionsV1().customResourceDefinitions().delete("crontabs.stable.example.com");

        assertThatThrownBy(() -> cronTabs().list()).satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue());
    }
}
