package io.kubeclient.testing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.DiscoveryClient;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.restmapper.NoResourceMatchException;
import io.kubeclient.restmapper.RESTMapper;
import io.kubeclient.restmapper.RESTMapping;
import io.kubeclient.restmapper.RESTMappers;
import io.kubeclient.restmapper.RESTScope;
import io.kubeclient.restmapper.ShortcutExpander;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.testing.EnableFakeApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The discovery client, its memory cache and the RESTMappers built on them, against the fake server. */
@EnableFakeApiServer
class DiscoveryAndRestMapperTest {

    RestConfig config;
    Clientset cs;
    DiscoveryClient discovery;

    @BeforeEach
    void open() {
        discovery = DiscoveryClient.newForConfig(config);
    }

    @AfterEach
    void close() {
        discovery.close();
    }

    @Test
    void discoversServerVersionGroupsAndResources() {
        assertThat(discovery.serverVersion().gitVersion()).startsWith("v1.");
        assertThat(discovery.serverGroups().getGroups()).extracting(g -> g.getName())
                .contains("", "apps", "batch", "apiextensions.k8s.io");

        APIResourceList apps = discovery.serverResourcesForGroupVersion("apps/v1");
        assertThat(apps.getResources()).extracting(APIResource::getName)
                .contains("deployments", "deployments/status", "deployments/scale", "statefulsets");
    }

    @Test
    void discoveryRestMapperMapsDeployments() {
        RESTMapper mapper = RESTMappers.newDiscoveryRESTMapper(RESTMappers.getAPIGroupResources(discovery));

        assertThat(mapper.kindFor(GroupVersionResource.of("", "", "deployments")))
                .isEqualTo(GroupVersionKind.of("apps", "v1", "Deployment"));
        RESTMapping mapping = mapper.restMapping(GroupKind.of("apps", "Deployment"));
        assertThat(mapping.resource()).isEqualTo(GroupVersionResource.of("apps", "v1", "deployments"));
        assertThat(mapping.scope()).isEqualTo(RESTScope.NAMESPACE);
        assertThat(mapper.restMapping(GroupKind.of("", "Node")).scope()).isEqualTo(RESTScope.ROOT);
    }

    @Test
    void deferredMapperSeesACustomResourceDefinedAfterItsFirstLookup() {
        MemCacheDiscoveryClient cached = new MemCacheDiscoveryClient(discovery);
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cached);
        assertThat(mapper.kindFor(GroupVersionResource.of("apps", "", "deployments")).kind()).isEqualTo("Deployment");
        assertThatThrownBy(() -> mapper.kindFor(GroupVersionResource.of("", "", "crontabs")))
                .isInstanceOf(NoResourceMatchException.class);

        cs.apiextensionsV1().customResourceDefinitions().create(CronTabs.definition());
        try {
            // The cache is fresh, so the mapper answers from it until reset.
            assertThatThrownBy(() -> mapper.kindFor(GroupVersionResource.of("", "", "crontabs")))
                    .isInstanceOf(NoResourceMatchException.class);
            mapper.reset();

            assertThat(mapper.kindFor(GroupVersionResource.of("", "", "crontabs")))
                    .isEqualTo(GroupVersionKind.of("stable.example.com", "v1", "CronTab"));
            ShortcutExpander shortcuts = new ShortcutExpander(mapper, cached, null);
            assertThat(shortcuts.resourceFor(GroupVersionResource.of("", "", "ct")))
                    .isEqualTo(CronTabs.GVR);
        } finally {
            cs.apiextensionsV1().customResourceDefinitions().delete("crontabs.stable.example.com");
        }
    }

    @Test
    void dynamicClientWithAMapperRejectsUnknownResourcesBeforeSending() {
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(new MemCacheDiscoveryClient(discovery));
        try (DynamicClient dc = DynamicClient.newForConfig(config)) {
            DynamicClient mapped = dc.withRESTMapper(mapper);

            assertThat(mapped.resource(GroupVersionResource.of("apps", "v1", "deployments")).namespace("default")
                    .list().getItems()).isEmpty();
            assertThatThrownBy(() -> mapped.resource(GroupVersionResource.of("example.com", "v1", "widgets")).list())
                    .isInstanceOf(NoResourceMatchException.class);
            assertThatThrownBy(() -> dc.resource(GroupVersionResource.of("example.com", "v1", "widgets")).list())
                    .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue());
        }
    }
}
