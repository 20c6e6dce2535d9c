package io.kubeclient.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a common kubeconfig file loads neither Jackson nor SnakeYAML: checked in a fresh JVM, whose
 * class-load log lists what it loaded.
 */
class KubeconfigClassLoadingTest {

    private static final List<String> PARSER_PACKAGES = List.of(
            "org.snakeyaml.", "tools.jackson.dataformat.yaml.", "tools.jackson.core.", "tools.jackson.databind.");

    @Test
    void readingACommonKubeconfigLoadsNoYamlOrJacksonClass(@TempDir Path dir) throws Exception {
        List<String> loaded = run(dir, KubeconfigYamlCorpus.KUBECTL);
        assertThat(loaded).as("the probe's own classes are in the log").contains(Probe.class.getName(),
                KubeconfigYaml.class.getName());
        assertThat(loaded).as("parser classes loaded").noneMatch(KubeconfigClassLoadingTest::parserClass);
    }

    @Test
    void aKubeconfigBeyondTheSubsetIsReadByJacksonsYamlParser(@TempDir Path dir) throws Exception {
        List<String> loaded = run(dir, KubeconfigYamlCorpus.KUBECTL.replace("current-context: prod-admin",
                "current-context: &c prod-admin"));
        assertThat(loaded).contains("tools.jackson.dataformat.yaml.YAMLParser");
        assertThat(loaded).as("no mapper").doesNotContain("tools.jackson.databind.ObjectMapper");
    }

    private static boolean parserClass(String name) {
        return PARSER_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static List<String> run(Path dir, String kubeconfig) throws IOException, InterruptedException {
        Path file = dir.resolve("config");
        Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
        Path classLog = dir.resolve("classes.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-Xlog:class+load:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), file.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().remove("KUBECONFIG");
        Process process = pb.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(exited).as("the probe exited; output:%n%s", out).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", out).isZero();
        assertThat(out).contains(Probe.DONE);
        // Lines look like "[0.123s][info][class,load] java.lang.Object source: shared objects file".
        return Files.readAllLines(classLog).stream()
                .map(line -> line.substring(line.lastIndexOf(']') + 1).strip())
                .map(rest -> rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest)
                .toList();
    }

    /** Builds a client configuration from the kubeconfig file it is given, as an application would. */
    static final class Probe {
        static final String DONE = "probe: server ";

        public static void main(String[] args) {
            RestConfig config = Clientcmd.buildConfigFromFlags("", args[0]);
            System.out.println(DONE + config.host());
        }
    }
}
