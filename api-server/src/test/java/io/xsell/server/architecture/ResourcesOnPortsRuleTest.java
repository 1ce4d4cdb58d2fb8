package io.xsell.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.xsell.server.resources.ConnectionsResource;
import io.xsell.server.resources.violating.ServiceReachingResource;
import org.junit.jupiter.api.Test;

/** The rule of {@link ResourcesOnPortsArchitectureTest} can fail: a resource reaching a service breaks it. */
class ResourcesOnPortsRuleTest {
    @Test
    void aResourceCallingTheConnectionsServiceDirectlyViolatesTheRule() {
        JavaClasses violating = new ClassFileImporter().importClasses(ServiceReachingResource.class);

        assertThat(ResourcesOnPortsArchitectureTest.webCallsUseCasesOnly.evaluate(violating).hasViolation()).isTrue();
    }

    @Test
    void theRealConnectionsResourceKeepsIt() {
        JavaClasses real = new ClassFileImporter().importClasses(ConnectionsResource.class);

        assertThat(ResourcesOnPortsArchitectureTest.webCallsUseCasesOnly.evaluate(real).hasViolation()).isFalse();
    }
}
