package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeclient.apimachinery.patch.IncompatibleObjectsException;
import io.kubeclient.apimachinery.patch.MissingPatchSchemaException;
import io.kubeclient.apimachinery.patch.StrategicMergePatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OpenApiPatchSchemasTest {

    /** Serves the hand-written Pod/Deployment schema for api/v1 and apis/apps/v1 and counts fetches. */
    static final class SchemaServer implements DiscoveryInterface {
        final List<String> fetched = new ArrayList<>();
        byte[] body = read();

        static byte[] read() {
            try (InputStream in = OpenApiPatchSchemasTest.class.getResourceAsStream("/openapi/pod-deployment-v3.json")) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public APIGroupList serverGroups() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public VersionInfo serverVersion() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Map<String, String> openAPIV3Paths() {
            return Map.of("api/v1", "/openapi/v3/api/v1?hash=A", "apis/apps/v1", "/openapi/v3/apis/apps/v1?hash=B");
        }

        @Override
        public byte[] openAPIV3Schema(String path, String contentType) {
            fetched.add(path + " " + contentType);
            return body;
        }
    }

    private static Pod pod(String... containers) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata().withNewSpec().endSpec();
        for (String c : containers) {
            b.editSpec().addNewContainer().withName(c).withImage(c + ":1").endContainer().endSpec();
        }
        return b.build();
    }

    @Test
    void mergesContainersByNameUsingTheServersSchema() {
        SchemaServer server = new SchemaServer();
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(server);
        Pod original = pod("app", "sidecar");
        Pod modified = pod("app", "sidecar");
        modified.getSpec().getContainers().get(1).setImage("sidecar:2");

        ObjectNode patch = schemas.createStrategicMergePatch(original, modified);

        assertThat(patch.toString()).contains("\"name\":\"sidecar\"").contains("\"image\":\"sidecar:2\"")
                .doesNotContain("app:1");
        Pod patched = StrategicMergePatch.apply(original, patch, schemas.forKind("v1", "Pod"));
        assertThat(patched).isEqualTo(modified);
    }

    @Test
    void fetchesEachGroupVersionDocumentOnce() {
        SchemaServer server = new SchemaServer();
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(server);

        schemas.forKind("v1", "Pod");
        schemas.forKind("v1", "Pod");
        schemas.forKind("apps/v1", "Deployment");
        schemas.forKind("apps/v1", "Deployment");

        assertThat(server.fetched).containsExactly("api/v1 application/json", "apis/apps/v1 application/json");
        schemas.invalidate();
        schemas.forKind("v1", "Pod");
        assertThat(server.fetched).hasSize(3);
    }

    @Test
    void refusesAGroupVersionTheServerPublishesNoSchemaFor() {
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(new SchemaServer());
        assertThatThrownBy(() -> schemas.forKind("example.com/v1", "Widget"))
                .isInstanceOf(MissingPatchSchemaException.class)
                .hasMessageContaining("apis/example.com/v1");
    }

    @Test
    void refusesAKindMissingFromTheDocument() {
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(new SchemaServer());
        assertThatThrownBy(() -> schemas.forKind("v1", "Widget"))
                .isInstanceOf(MissingPatchSchemaException.class)
                .hasMessageContaining("Widget");
    }

    @Test
    void refusesObjectsOfDifferentKinds() {
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(new SchemaServer());
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("web").endMetadata().build();
        assertThatThrownBy(() -> schemas.createStrategicMergePatch(pod("app"), cm))
                .isInstanceOf(IncompatibleObjectsException.class)
                .hasMessageContaining("ConfigMap");
    }

    @Test
    void malformedDocumentIsATypedErrorNamingThePath() {
        SchemaServer server = new SchemaServer();
        server.body = "{not json".getBytes();
        OpenApiPatchSchemas schemas = new OpenApiPatchSchemas(server);
        assertThatThrownBy(() -> schemas.forKind("v1", "Pod"))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("/openapi/v3/api/v1");
    }
}
