package io.kubeclient.testing.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.Map;

/** The CronTab custom resource of the Kubernetes documentation, as a CRD and as dynamic objects. */
final class CronTabs {

    static final GroupVersionResource GVR = GroupVersionResource.of("stable.example.com", "v1", "crontabs");

    private CronTabs() {
    }

    static CustomResourceDefinition definition() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("crontabs.stable.example.com").endMetadata()
                .withNewSpec().withGroup("stable.example.com").withScope("Namespaced")
                    .withNewNames().withPlural("crontabs").withSingular("crontab").withKind("CronTab")
                        .withShortNames("ct").endNames()
                    .addNewVersion().withName("v1").withServed(true).withStorage(true)
                        .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                            .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
                        .withNewSubresources().withNewStatus().endStatus().endSubresources()
                    .endVersion()
                .endSpec().build();
    }

    static GenericKubernetesResource cronTab(String name, String spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("stable.example.com/v1");
        r.setKind("CronTab");
        r.setMetadata(new ObjectMetaBuilder().withName(name).build());
        r.setAdditionalProperty("spec", Map.of("cronSpec", spec, "image", "my-cron-image"));
        return r;
    }
}
