package io.kubeclient.spring.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;

/** Spring Boot's house rules for auto-configuration code. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.kubeclient.spring");

    @Test
    void autoConfigurationsArePublicFinal() {
        classes().that().areAnnotatedWith(AutoConfiguration.class).should().bePublic()
            .andShould().haveModifier(JavaModifier.FINAL).check(this.classes);
    }

    @Test
    void beanMethodsArePackagePrivate() {
        methods().that().areAnnotatedWith(Bean.class).should().notBePublic().andShould().notBePrivate()
            .andShould().notBeProtected().check(this.classes);
    }

    @Test
    void noConditionalOnClassOnBeanMethods() {
        noMethods().that().areAnnotatedWith(Bean.class).should().beAnnotatedWith(ConditionalOnClass.class)
            .check(this.classes);
    }

    @Test
    void conditionsAreNotPublic() {
        classes().that().implement(Condition.class).should().notBePublic().check(this.classes);
    }
}
