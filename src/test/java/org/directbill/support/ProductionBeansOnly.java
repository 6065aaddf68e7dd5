package org.directbill.support;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * For an application a test starts by itself (a second instance of the service): its component scan
 * leaves out the tests' own configurations ({@code @TestConfiguration}, e.g. a movable clock), as a
 * test context's does, so that instance is configured as in production.
 */
public final class ProductionBeansOnly extends TypeExcludeFilter
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(ProductionBeansOnly.class.getName(), this);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
                || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
