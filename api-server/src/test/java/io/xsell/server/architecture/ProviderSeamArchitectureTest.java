package io.xsell.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The provider seam: a Stripe type is used only in Stripe's packages and a Chargebee type only in
 * Chargebee's; what both share (connection storage, sealed secrets, runs, checkpoints, inbox,
 * schedule, the {@code sync} command) knows neither. The one exception is the composition root,
 * {@code XsellApplication} and {@code XsellConfiguration}, which installs each provider's module
 * and reads each provider's configuration section.
 */
@AnalyzeClasses(packages = "io.xsell", importOptions = {ImportOption.DoNotIncludeTests.class,
        ProviderSeamArchitectureTest.NoTestJars.class})
class ProviderSeamArchitectureTest {
    /** Production code only: the other modules' test jars (doubles, equality tests) are no part of the seam. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    static final String[] COMPOSITION_ROOT = {"io.xsell.server.XsellApplication", "io.xsell.server.XsellConfiguration"};

    @ArchTest
    static final ArchRule stripeTypesStayInStripePackages = noClasses()
            .that().resideOutsideOfPackages("io.xsell.ingestion.stripe..", "io.xsell.server.stripe..")
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT[0])
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT[1])
            .should().dependOnClassesThat(resideInAnyPackage("io.xsell.ingestion.stripe..", "io.xsell.server.stripe..",
                    "com.stripe.."))
            .because("only Stripe's adapter and server packages know Stripe (issue 18: the seam is clean)");

    @ArchTest
    static final ArchRule chargebeeTypesStayInChargebeePackages = noClasses()
            .that().resideOutsideOfPackages("io.xsell.ingestion.chargebee..", "io.xsell.server.chargebee..")
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT[0])
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT[1])
            .should().dependOnClassesThat(resideInAnyPackage("io.xsell.ingestion.chargebee..",
                    "io.xsell.server.chargebee.."))
            .because("only Chargebee's adapter and server packages know Chargebee (issue 18: the seam is clean)");
}
