package io.kubeclient.testing.spring;

import io.kubeclient.testing.FakeApiServer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts a {@link FakeApiServer} for one application context, registers it (and, when kube-client's
 * auto-configuration is on the classpath, a {@code KubeConnectionDetails} for it) as singletons, and
 * closes it with the context. Equal customizers share a cached context.
 *
 * @param https whether the server speaks HTTPS
 */
record FakeApiServerContextCustomizer(boolean https) implements ContextCustomizer {

    static final String SERVER_BEAN = "fakeApiServer";
    static final String CONNECTION_DETAILS_BEAN = "fakeApiServerConnectionDetails";
    private static final String CONNECTION_DETAILS_CLASS = "io.kubeclient.spring.autoconfigure.KubeConnectionDetails";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        FakeApiServer.Builder builder = FakeApiServer.builder();
        if (this.https) {
            builder.https();
        }
        FakeApiServer server = builder.start();
        context.addApplicationListener(new CloseOnContextClosed(server, context));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(SERVER_BEAN, server);
        if (ClassUtils.isPresent(CONNECTION_DETAILS_CLASS, context.getClassLoader())) {
            // Kept in its own class so that this one loads without kube-client's auto-configuration.
            beans.registerSingleton(CONNECTION_DETAILS_BEAN, new FakeApiServerConnectionDetails(server));
        }
    }

    /** Closes the server when its own context (not a child) closes. */
    private record CloseOnContextClosed(FakeApiServer server, ConfigurableApplicationContext context)
            implements ApplicationListener<ContextClosedEvent> {

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            if (event.getApplicationContext() == this.context) {
                this.server.close();
            }
        }
    }
}
