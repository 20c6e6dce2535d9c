package io.kubeclient.samples.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WalkthroughTest {

    @Test
    void walksThroughEveryStepAgainstTheFakeServer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = Walkthrough.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains(
                "1. Load the kubeconfig",
                "app in (web, api), tier=frontend -> [web-1, web-2]",
                "web-1: uid ",
                "not found, as expected: pods \"does-not-exist\" not found",
                "applied as walkthrough: replicas 2",
                "labels now {team=platform}",
                "replicas 3, managers [walkthrough/Apply",
                "conflict, as expected: ",
                "forced: replicas 5",
                "ADDED worker-1",
                "DELETED worker-1",
                "?limit=2 -> [db-1, web-1] (more to come)",
                "[Name, Age]",
                "apps/Deployment -> apps/v1, Resource=deployments",
                "deleted namespace kube-client-walkthrough",
                "Done: ");
    }

    @Test
    void mainExitsZeroInItsOwnProcess() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Walkthrough.class.getName())).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("Done: ");
    }

    @Test
    void rejectsUnknownArguments() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(Walkthrough.run(new String[] {"--bogus"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
