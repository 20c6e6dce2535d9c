package io.kubeclient.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.FakeApiServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = AutoConfigureFakeApiServerTests.App.class)
@AutoConfigureFakeApiServer(https = true)
class AutoConfigureFakeApiServerHttpsTests {

    @Autowired
    FakeApiServer server;

    @Autowired
    Clientset clientset;

    @Test
    void trustsTheGeneratedCertificateAuthority() {
        assertThat(this.server.url().getScheme()).isEqualTo("https");
        assertThat(this.clientset.coreV1().namespaces().get("default").getMetadata().getName()).isEqualTo("default");
    }
}
