package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.rest.RestConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
}
