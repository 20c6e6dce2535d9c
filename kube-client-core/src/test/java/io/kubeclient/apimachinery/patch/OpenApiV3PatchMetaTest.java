package io.kubeclient.apimachinery.patch;

import static io.kubeclient.apimachinery.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiV3PatchMetaTest {

    private static final JsonNode DOCUMENT = StrategicMergePatchTest.DOCUMENT;

    @Test
    void findsRootSchemaByGroupVersionKind() {
        assertThat(OpenApiV3PatchMeta.forKind(DOCUMENT, "v1", "Pod")).hasToString("io.k8s.api.core.v1.Pod");
        assertThat(OpenApiV3PatchMeta.forKind(DOCUMENT, "apps/v1", "Deployment"))
                .hasToString("io.k8s.api.apps.v1.Deployment");
        assertThat(OpenApiV3PatchMeta.find(DOCUMENT, "apps/v1", "Pod")).isEmpty();
        assertThat(OpenApiV3PatchMeta.find(DOCUMENT, "v2", "Pod")).isEmpty();
    }

    @Test
    void followsAllOfRefsToListExtensions() {
        PatchMeta containers = OpenApiV3PatchMeta.forKind(DOCUMENT, "v1", "Pod").field("spec").field("containers");

        assertThat(containers.patchStrategies()).containsExactly("merge");
        assertThat(containers.patchMergeKey()).contains("name");
        assertThat(containers.listType()).contains("map");
        assertThat(containers.listMapKeys()).containsExactly("name");
        PatchMeta ports = containers.field("ports");
        assertThat(ports.patchMergeKey()).contains("containerPort");
        assertThat(ports.listMapKeys()).containsExactly("containerPort", "protocol");
        assertThat(containers.field("volumeMounts").patchMergeKey()).contains("mountPath");
        assertThat(containers.field("env").patchMergeKey()).contains("name");
    }

    @Test
    void readsStrategiesOfSetsAtomicListsAndRetainKeys() {
        PatchMeta pod = OpenApiV3PatchMeta.forKind(DOCUMENT, "v1", "Pod");

        PatchMeta finalizers = pod.field("metadata").field("finalizers");
        assertThat(finalizers.listType()).contains("set");
        assertThat(finalizers.patchStrategies()).containsExactly("merge");
        PatchMeta tolerations = pod.field("spec").field("tolerations");
        assertThat(tolerations.listType()).contains("atomic");
        assertThat(tolerations.patchStrategies()).isEmpty();
        assertThat(pod.field("spec").field("volumes").patchStrategies()).containsExactly("merge", "retainKeys");
    }

    @Test
    void followsDirectRefsAndAdditionalProperties() {
        PatchMeta deployment = OpenApiV3PatchMeta.forKind(DOCUMENT, "apps/v1", "Deployment");

        assertThat(deployment.field("spec").field("strategy").patchStrategies()).containsExactly("retainKeys");
        assertThat(deployment.field("spec").field("template").field("spec").field("containers").patchMergeKey())
                .contains("name");
        assertThat(deployment.field("metadata").field("labels").field("any")).hasToString(
                "io.k8s.api.apps.v1.Deployment.metadata.labels.any");
    }

    @Test
    void unknownFieldsKnowNothing() {
        PatchMeta unknown = OpenApiV3PatchMeta.forKind(DOCUMENT, "v1", "Pod").field("spec").field("nope");

        assertThat(unknown).isSameAs(PatchMeta.none());
        assertThat(unknown.field("deeper").patchStrategies()).isEmpty();
        assertThat(unknown.patchMergeKey()).isEmpty();
    }

    @Test
    void forSchemaFindsNamedSchemas() {
        assertThat(OpenApiV3PatchMeta.forSchema(DOCUMENT, "io.k8s.api.core.v1.PodSpec").field("containers")
                .patchMergeKey()).contains("name");
        assertThatThrownBy(() -> OpenApiV3PatchMeta.forSchema(DOCUMENT, "io.k8s.api.core.v1.Nope"))
                .isInstanceOf(MissingPatchSchemaException.class);
    }

    @Test
    void rejectsDocumentsWithoutSchemasAndDanglingRefs() {
        assertThatThrownBy(() -> OpenApiV3PatchMeta.forKind(json("{'openapi':'3.0.0'}"), "v1", "Pod"))
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining("components.schemas");
        JsonNode dangling = json("{'components':{'schemas':{'P':{'x-kubernetes-group-version-kind':"
                + "[{'group':'','version':'v1','kind':'P'}],'properties':{'spec':{'$ref':'#/components/schemas/Gone'}}}}}}");
        PatchMeta spec = OpenApiV3PatchMeta.forKind(dangling, "v1", "P").field("spec");
        assertThatThrownBy(() -> spec.field("x")).isInstanceOf(InvalidPatchException.class)
                .hasMessageContaining("#/components/schemas/Gone");
    }

    @Test
    void survivesRecursiveSchemas() {
        JsonNode recursive = json("{'components':{'schemas':{'Node':{'x-kubernetes-group-version-kind':"
                + "[{'group':'g','version':'v1','kind':'Node'}],'properties':{'child':{'allOf':"
                + "[{'$ref':'#/components/schemas/Node'}]},'items':{'type':'array','items':"
                + "{'$ref':'#/components/schemas/Node'},'x-kubernetes-patch-merge-key':'id',"
                + "'x-kubernetes-patch-strategy':'merge'}}}}}}");

        PatchMeta node = OpenApiV3PatchMeta.forKind(recursive, "g/v1", "Node");

        assertThat(node.field("child").field("child").field("items").patchMergeKey()).contains("id");
        assertThat(node.field("items").field("child").field("items").patchStrategies()).containsExactly("merge");
    }
}
