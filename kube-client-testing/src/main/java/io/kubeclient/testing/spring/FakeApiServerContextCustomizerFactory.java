package io.kubeclient.testing.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: turns {@link AutoConfigureFakeApiServer} on a test
 * class (or an enclosing or super class) into a {@link FakeApiServerContextCustomizer}.
 */
final class FakeApiServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureFakeApiServer annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                AutoConfigureFakeApiServer.class);
        return (annotation != null) ? new FakeApiServerContextCustomizer(annotation.https()) : null;
    }
}
