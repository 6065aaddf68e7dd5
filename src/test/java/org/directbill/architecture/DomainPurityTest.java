package org.directbill.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules stay plain Java: no framework, database or HTTP inside a domain package. */
class DomainPurityTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.directbill");

    @Test
    void domain_packages_use_no_spring_jdbc_servlet_or_json() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                // package-info only names the package as the module's "domain" interface
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.servlet..",
                        "tools.jackson..",
                        "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void the_shared_validation_and_problems_are_plain_java_too() {
        noClasses()
                .that()
                .resideInAnyPackage("org.directbill.shared.validation..", "org.directbill.shared.problem..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
