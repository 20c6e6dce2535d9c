package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeclient.transport.AuthTransports;
import org.junit.jupiter.api.Test;

/**
 * The packaged core jar carries its version, which the default {@code User-Agent} names as
 * client-go's names its own. Runs where the core is on the class path as its jar, as in
 * {@code mvn verify} and in applications; skipped against its compiled classes.
 */
class ClientVersionTests {

    @Test
    void theCoreJarNamesItsVersionInTheDefaultUserAgent() {
        String location = AuthTransports.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assumeTrue(location.endsWith(".jar"), "kube-client-core is on the class path as classes: " + location);
        Package core = AuthTransports.class.getPackage();
        assertThat(core.getImplementationTitle()).isEqualTo("kube-client core");
        String version = core.getImplementationVersion();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(AuthTransports.defaultUserAgent()).endsWith(" kube-client/" + version)
            .contains("/" + version + " (");
    }
}
