package io.xsell.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** metrics-core is the pure hexagon: the JDK (and at most slf4j), nothing else, and no wall clock. */
@AnalyzeClasses(packages = "io.xsell.core", importOptions = ImportOption.DoNotIncludeTests.class)
class PureCoreArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkOnly = classes().that().resideInAPackage("io.xsell.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.xsell.core..", "java..", "org.slf4j..");

    @ArchTest
    static final ArchRule portsDoNotKnowTheService = noClasses().that().resideInAPackage("io.xsell.core.port..")
            .should().dependOnClassesThat().resideInAPackage("io.xsell.core.service..");

    @ArchTest
    static final ArchRule neverReadsTheWallClockDirectly = noClasses().that().resideInAPackage("io.xsell.core..")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone");
}
