package io.kubeclient.testing.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test's application context at an in-process
 * {@link io.kubeclient.testing.FakeApiServer}: the server is started with the context, registered as
 * a bean (inject it to seed and inspect), exposed to kube-client's starter as a
 * {@code KubeConnectionDetails} bean, which replaces the {@code kube.client.*} connection
 * properties, and closed with the context. No property is needed:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeApiServer
 * class MyServiceTests {
 *     @Autowired FakeApiServer server;   // seed with server.put(...), inspect with server.get(...)
 *     @Autowired MyService service;      // uses the auto-configured Clientset
 * }
 * }</pre>
 *
 * <p>Test classes with the same settings share one context, and so one server, through Spring's
 * context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeApiServer {

    /** Serve HTTPS with a generated self-signed CA (trusted by the connection details) instead of HTTP. */
    boolean https() default false;
}
