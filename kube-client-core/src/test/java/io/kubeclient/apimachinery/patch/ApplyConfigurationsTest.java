package io.kubeclient.apimachinery.patch;

import static io.kubeclient.apimachinery.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyConfigurationsTest {

    @Test
    void builtObjectEmitsOnlyTheFieldsThatWereSet() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("prod").endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName("app").withImage("app:2").build())
                .endSpec().build();

        assertThat(ApplyConfigurations.toApplyTree(pod)).isEqualTo(json("{'apiVersion':'v1','kind':'Pod',"
                + "'metadata':{'name':'web','namespace':'prod'},'spec':{'containers':[{'name':'app','image':'app:2'}]}}"));
    }

    @Test
    void constructedObjectsWithInitialisedListsEmitNoEmptyListsOrDefaults() {
        // fabric8 constructors initialise lists (containers, env, ports, finalizers...) to empty ArrayLists
        Container container = new Container();
        container.setName("app");
        PodSpec spec = new PodSpec();
        spec.getContainers().add(container);
        Pod pod = new Pod();
        pod.setMetadata(new ObjectMeta());
        pod.getMetadata().setName("web");
        pod.setSpec(spec);

        assertThat(container.getEnv()).isNotNull().isEmpty();
        assertThat(ApplyConfigurations.toApplyJson(pod)).isEqualTo(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"containers\":[{\"name\":\"app\"}]}}");
    }

    @Test
    void emptyMapsAreLeftOut() {
        ConfigMap cm = new ConfigMap();
        cm.setMetadata(new ObjectMeta());
        cm.getMetadata().setName("cm");
        cm.getMetadata().setLabels(Map.of());
        cm.setData(Map.of());

        assertThat(ApplyConfigurations.toApplyTree(cm))
                .isEqualTo(json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm'}}"));
    }

    @Test
    void genericResourcesEmitTheirContent() {
        GenericKubernetesResource widget = new GenericKubernetesResource();
        widget.setApiVersion("example.com/v1");
        widget.setKind("Widget");
        widget.setMetadata(new ObjectMeta());
        widget.getMetadata().setName("w");
        widget.setAdditionalProperty("spec", Map.of("size", 3));

        assertThat(ApplyConfigurations.toApplyTree(widget)).isEqualTo(json("{'apiVersion':'example.com/v1',"
                + "'kind':'Widget','metadata':{'name':'w'},'spec':{'size':3}}"));
    }

    @Test
    void treesPassThroughAndNonObjectsAreRejected() {
        assertThat(ApplyConfigurations.toApplyTree(json("{'kind':'X','spec':{'l':[]}}")))
                .isEqualTo(json("{'kind':'X','spec':{'l':[]}}"));
        assertThatThrownBy(() -> ApplyConfigurations.toApplyTree(json("[1]")))
                .isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> ApplyConfigurations.toApplyJson(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("must not be null");
    }
}
