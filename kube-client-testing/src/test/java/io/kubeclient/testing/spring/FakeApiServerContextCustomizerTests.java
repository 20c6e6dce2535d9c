package io.kubeclient.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.kubeclient.testing.FakeApiServer;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class FakeApiServerContextCustomizerTests {

    final FakeApiServerContextCustomizerFactory factory = new FakeApiServerContextCustomizerFactory();

    @AutoConfigureFakeApiServer
    static class Annotated {}

    static class Inheriting extends Annotated {}

    @AutoConfigureFakeApiServer(https = true)
    static class Https {}

    static class Plain {}

    @Test
    void onlyAnnotatedTestClassesGetAServer() {
        assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
        assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
                .isEqualTo(new FakeApiServerContextCustomizer(false));
        assertThat(this.factory.createContextCustomizer(Inheriting.class, List.of()))
                .isEqualTo(new FakeApiServerContextCustomizer(false));
    }

    @Test
    void equalSettingsShareACachedContextAndDifferentOnesDoNot() {
        assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
                .isEqualTo(this.factory.createContextCustomizer(Inheriting.class, List.of()))
                .isNotEqualTo(this.factory.createContextCustomizer(Https.class, List.of()));
    }

    @Test
    void registersTheServerAndItsConnectionDetailsAndClosesTheServerWithTheContext() throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        new FakeApiServerContextCustomizer(false).customizeContext(context, null);
        context.refresh();
        FakeApiServer server = context.getBean(FakeApiServer.class);
        assertThat(context.getBean(KubeConnectionDetails.class).restConfig().host())
                .isEqualTo(server.url().toString());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readyz = HttpRequest.newBuilder(server.url().resolve("/readyz")).build();
        assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        context.close();

        assertThatThrownBy(() -> http.send(readyz, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }
}
