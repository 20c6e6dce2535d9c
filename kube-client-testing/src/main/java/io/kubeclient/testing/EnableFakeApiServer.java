package io.kubeclient.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link FakeApiServer} for the annotated test class and injects it, its {@code RestConfig},
 * {@link FakeClock}, {@link Faults}, or a {@code Clientset} or {@code DynamicClient} connected to it into
 * test-method parameters and into fields of those types.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeApiServerExtension.class)
public @interface EnableFakeApiServer {

    /** Serve HTTPS with a generated self-signed CA instead of plain HTTP. */
    boolean https() default false;
}
