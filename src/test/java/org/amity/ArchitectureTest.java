package org.amity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Architecture rules from CONVENTIONS.md that the compiler cannot check. */
class ArchitectureTest {

    private static final JavaClasses AMITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.amity");

    // "the contact decision engine and arrangement maths are plain Java with no Spring imports (an ArchUnit rule checks it)"
    @Test
    void domainLogicDoesNotDependOnSpring() {
        // package-info may carry a Spring Modulith @NamedInterface: metadata for the module model, not logic
        noClasses().that().resideInAPackage("..domain..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("domain maths is plain Java, testable without a Spring context")
                .check(AMITY);
    }

    // SecurityConfiguration: "Which role owns each endpoint is declared on the endpoint itself with @PreAuthorize"
    @Test
    void everyControllerEndpointDeclaresWhichRolesMayCallIt() {
        methods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .and().areMetaAnnotatedWith(RequestMapping.class)
                .and().doNotHaveModifier(JavaModifier.PRIVATE)
                .should(carryPreAuthorizeOnTheMethodOrItsClass())
                .because("an endpoint without @PreAuthorize is open to any logged-in user; say permitAll() if that is meant")
                .check(AMITY);
    }

    private static ArchCondition<JavaMethod> carryPreAuthorizeOnTheMethodOrItsClass() {
        return new ArchCondition<>("carry @PreAuthorize on the method or its class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean secured = method.isMetaAnnotatedWith(PreAuthorize.class)
                        || method.getOwner().isMetaAnnotatedWith(PreAuthorize.class);
                events.add(new SimpleConditionEvent(method, secured,
                        method.getFullName() + (secured ? " declares" : " does not declare") + " its roles"));
            }
        };
    }

}
