package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RestConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class ExtensionTest {

    @Nested
    @EnableFakeApiServer
    class Annotated {
        FakeApiServer server;
        RestConfig config;

        @Test
        void injectsFieldsAndParameters(FakeApiServer param, RestConfig paramConfig, FakeClock clock) {
            assertThat(server).isSameAs(param);
            assertThat(config.host()).isEqualTo(server.url().toString());
            assertThat(paramConfig.host()).isEqualTo(server.url().toString());
            assertThat(clock).isSameAs(server.clock());
            assertThat(new Http(server).get("/healthz").code()).isEqualTo(200);
        }
    }

    @Nested
    class Registered {
        @RegisterExtension
        static FakeApiServerExtension kube = new FakeApiServerExtension(b -> b.historyLimit(5));

        @Test
        void exposesTheServerOfTheClass(Faults faults) {
            assertThat(kube.server().faults()).isSameAs(faults);
            assertThat(new Http(kube.server()).get("/api/v1/namespaces/default").code()).isEqualTo(200);
        }
    }

    @Nested
    @EnableFakeApiServer
    class Clients {
        Clientset clientset;
        DynamicClient dynamic;
        FakeApiServer server;

        @Test
        void injectsAClientsetAndADynamicClientConnectedToTheServer(Clientset param, DynamicClient dynamicParam) {
            assertThat(param).isSameAs(clientset);
            assertThat(dynamicParam).isSameAs(dynamic);

            clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata()
                    .withName("injected").endMetadata().addToData("k", "v").build());

            assertThat(server.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "default", "injected")
                    .getData()).containsEntry("k", "v");
            assertThat(dynamic.resource(GroupVersionResource.of("", "v1", "configmaps")).namespace("default")
                    .get("injected").getMetadata().getName()).isEqualTo("injected");
        }

        @Test
        void injectedClientsAreNotThrottled() {
            assertThat(server.restConfig().qps()).isNegative();
            assertThat(clientset.coreV1().restClient().rateLimiter()).isNull();
        }
    }

    /** Run through the launcher by {@link #closesTheClientsAndTheServerAfterTheClass}. */
    @EnableFakeApiServer
    static class CapturesItsClients {
        static final AtomicReference<Clientset> CLIENTSET = new AtomicReference<>();
        static final AtomicReference<FakeApiServer> SERVER = new AtomicReference<>();

        @Test
        void captures(Clientset cs, FakeApiServer server) {
            cs.coreV1().namespaces().get("default");
            CLIENTSET.set(cs);
            SERVER.set(server);
        }
    }

    @Test
    void closesTheClientsAndTheServerAfterTheClass() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CapturesItsClients.class)).build(), listener);

        assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(1);
        Clientset cs = CapturesItsClients.CLIENTSET.get();
        // The transport's executor is shut down: nothing can be sent any more.
        assertThatThrownBy(() -> cs.coreV1().namespaces().get("default")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new Http(CapturesItsClients.SERVER.get()).get("/healthz"))
                .isInstanceOf(RuntimeException.class);
    }
}
