package io.xsell.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web side of the hexagon: REST resources (and dashboard pages, in {@code ..server.web..})
 * call use cases ({@code io.xsell.core.port.in}, {@code io.xsell.server.port.in}) with commands
 * built from the API's JSON records; they never reach an adapter, a store or a service behind a port.
 */
@AnalyzeClasses(packages = "io.xsell.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ResourcesOnPortsArchitectureTest {
    static final String[] WEB = {"io.xsell.server.resources..", "io.xsell.server.web.."};

    /** Adapters, stores and the services that implement use cases; value records of reporting stay readable. */
    static final DescribedPredicate<JavaClass> BEHIND_PORTS = resideInAnyPackage(
            "io.xsell.server.persistence..", "io.xsell.server.stripe..", "io.xsell.server.chargebee..",
            "io.xsell.server.connections..", "io.xsell.ingestion..",
            "io.xsell.core.service..", "org.jdbi..", "com.stripe..", "com.github.kagkarlsson..")
            .or(simpleNameStartingWith("Jdbi"))
            .or(resideInAPackage("io.xsell.server.reporting..").and(DescribedPredicate.describe("not a record",
                    (JavaClass c) -> !c.isRecord())))
            .or(resideInAPackage("io.xsell.server.dataimport..").and(DescribedPredicate.not(simpleName("UploadedZip"))))
            .as("are adapters, stores or use-case implementations");

    @ArchTest
    static final ArchRule webCallsUseCasesOnly = noClasses().that().resideInAnyPackage(WEB)
            .should().dependOnClassesThat(BEHIND_PORTS)
            .because("resources and pages talk to use cases (port.in), never to adapters or stores");

    @ArchTest
    static final ArchRule everyEndpointIsOnTheWebSide = classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().resideInAnyPackage(WEB)
            .because("an endpoint elsewhere would escape the rule that the web side calls use cases only");

    @ArchTest
    static final ArchRule useCasePortsKnowNoAdapters = noClasses().that().resideInAPackage("io.xsell.server.port.in..")
            .should().dependOnClassesThat(resideInAnyPackage("io.xsell.server.persistence..",
                    "io.xsell.server.stripe..", "io.xsell.ingestion..", "io.xsell.server.api..",
                    "io.xsell.server.resources..", "org.jdbi..", "com.stripe..", "jakarta.ws.rs.."))
            .because("use-case ports are the application's, not the web's nor an adapter's");
}
