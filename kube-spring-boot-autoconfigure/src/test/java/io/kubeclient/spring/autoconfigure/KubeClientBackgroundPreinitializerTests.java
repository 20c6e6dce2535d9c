package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.assertj.core.api.AbstractBooleanAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

class KubeClientBackgroundPreinitializerTests {

    @Test
    void isRegisteredAsAnApplicationListener() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
            .hasAtLeastOneElementOfType(KubeClientBackgroundPreinitializer.class);
    }

    @Test
    void runsOnADaemonThreadThatHasFinishedWhenTheApplicationIsReady() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        KubeClientBackgroundPreinitializer listener = new KubeClientBackgroundPreinitializer(false, 2,
                (env) -> () -> ran.set(Thread.currentThread()));
        try (ConfigurableApplicationContext context = app(listener).run()) {
            Thread thread = ran.get();
            assertThat(thread).as("the work ran").isNotNull().isNotSameAs(Thread.currentThread());
            assertThat(thread.getName()).isEqualTo(KubeClientBackgroundPreinitializer.THREAD_NAME);
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.isAlive()).as("still running once the application is ready").isFalse();
        }
    }

    @Test
    void theEnvironmentIsReadOnTheBackgroundThreadNotTheMainThread() {
        AtomicReference<Thread> appliedOn = new AtomicReference<>();
        AtomicReference<String> mode = new AtomicReference<>();
        KubeClientBackgroundPreinitializer listener = new KubeClientBackgroundPreinitializer(false, 2, (env) -> {
            appliedOn.set(Thread.currentThread());
            mode.set(env.getProperty("kube.client.mode"));
            return null;
        });
        try (ConfigurableApplicationContext context = app(listener).properties("kube.client.mode=kubeconfig").run()) {
            assertThat(appliedOn.get()).as("the work was made").isNotNull().isNotSameAs(Thread.currentThread());
            assertThat(appliedOn.get().getName()).isEqualTo(KubeClientBackgroundPreinitializer.THREAD_NAME);
            assertThat(mode.get()).as("what the application's environment says").isEqualTo("kubeconfig");
        }
    }

    @Test
    void aFailedStartWaitsForTheThreadToo() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        KubeClientBackgroundPreinitializer listener = new KubeClientBackgroundPreinitializer(false, 2,
                (env) -> () -> ran.set(Thread.currentThread()));
        assertThatThrownBy(() -> app(listener).sources(Failing.class).run()).hasMessageContaining("no start");
        assertThat(ran.get()).isNotNull();
        assertThat(ran.get().isAlive()).as("still running after the failed start").isFalse();
    }

    @Test
    void aFailureOfTheWorkDoesNotFailTheApplication() {
        KubeClientBackgroundPreinitializer throwing = new KubeClientBackgroundPreinitializer(false, 2,
                (env) -> () -> {
                    throw new IllegalStateException("boom");
                });
        try (ConfigurableApplicationContext context = app(throwing).run()) {
            assertThat(context.isActive()).isTrue();
        }
        KubeClientBackgroundPreinitializer failingToStart = new KubeClientBackgroundPreinitializer(false, 2,
                (env) -> {
                    throw new IllegalStateException("boom");
                });
        try (ConfigurableApplicationContext context = app(failingToStart).run()) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void skipsWithBootsSwitchOnASingleCpuAndWhenSwitchedOff() {
        assertThat(started(true, 2, new MockEnvironment())).as("spring.backgroundpreinitializer.ignore").isFalse();
        assertThat(started(false, 1, new MockEnvironment())).as("one CPU").isFalse();
        assertThat(started(false, 2, new MockEnvironment().withProperty("kube.client.preinitialize", "false")))
            .as("kube.client.preinitialize=false").isFalse();
        assertThat(started(false, 2, new MockEnvironment().withProperty("kube.client.enabled", "FALSE")))
            .as("kube.client.enabled=false").isFalse();
        assertThat(started(false, 2, new MockEnvironment().withProperty("kube.client.preinitialize", "true")))
            .as("kube.client.preinitialize=true").isTrue();
        assertThat(started(false, 2, new MockEnvironment())).as("by default").isTrue();
    }

    @Test
    void theDefaultInstanceFollowsBootsSystemProperty() {
        // Boot reads its switch as a system property; a fresh JVM is not needed to check the wiring.
        String previous = System.setProperty(KubeClientBackgroundPreinitializer.IGNORE_PROPERTY, "true");
        try {
            assertThat(new KubeClientBackgroundPreinitializer().isEnabled()).isFalse();
            System.clearProperty(KubeClientBackgroundPreinitializer.IGNORE_PROPERTY);
            assertThat(new KubeClientBackgroundPreinitializer().isEnabled())
                .isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        } finally {
            if (previous == null) {
                System.clearProperty(KubeClientBackgroundPreinitializer.IGNORE_PROPERTY);
            } else {
                System.setProperty(KubeClientBackgroundPreinitializer.IGNORE_PROPERTY, previous);
            }
        }
    }

    @Test
    void theWorkReadsTheKubeconfigOnlyWhenTheApplicationWill(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        MockEnvironment env = new MockEnvironment().withProperty("HOME", home.toString());
        KubeClientPreinitialization work = KubeClientPreinitialization.of(env);
        work.run();
        assertThat(work.readKubeconfig()).as("no ~/.kube/config").isFalse();

        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "");
        work = new KubeClientPreinitialization(false, Map.of("HOME", home.toString()), false);
        work.run();
        assertThat(work.readKubeconfig()).as("~/.kube/config exists").isTrue();

        work = new KubeClientPreinitialization(false, Map.of("KUBECONFIG", dir.resolve("missing").toString(),
                "HOME", home.toString()), false);
        work.run();
        assertThat(work.readKubeconfig()).as("KUBECONFIG names a missing file, ~/.kube/config is not read").isFalse();

        work = KubeClientPreinitialization.of(new MockEnvironment()
            .withProperty("kube.client.kubeconfig[0]", dir.resolve("any").toString()));
        work.run();
        assertThat(work.readKubeconfig()).as("kube.client.kubeconfig set").isTrue();

        work = KubeClientPreinitialization.of(new MockEnvironment()
            .withProperty("kube.client.mode", "IN_CLUSTER").withProperty("HOME", home.toString()));
        work.run();
        assertThat(work.readKubeconfig()).as("in-cluster mode").isFalse();
        assertThat(work.builtTrustMaterial()).as("in-cluster mode: the service account's CA").isTrue();
        assertThat(KubeClientPreinitialization.isDone()).isTrue();
        assertThat(KubeClientPreinitialization.forEnvironment(env)).as("once per JVM").isNull();
    }

    /**
     * The CA of a pod's service account, or of {@code kube.client.certificate-authority}, is parsed
     * on the main thread at start like a kubeconfig's: the work warms that path too, and only then.
     */
    @Test
    void theWorkParsesACaWhenTheApplicationWillCheckTheServerAgainstOne(@TempDir Path dir) {
        Path home = dir.resolve("home");
        MockEnvironment pod = new MockEnvironment().withProperty("HOME", home.toString())
            .withProperty("KUBERNETES_SERVICE_HOST", "10.96.0.1").withProperty("KUBERNETES_SERVICE_PORT", "443");
        assertTrustMaterial(pod, "in a pod, no kubeconfig: the service account's CA").isTrue();
        assertTrustMaterial(pod.withProperty("kube.client.mode", "kubeconfig"),
                "in a pod, kubeconfig mode: no in-cluster fallback").isFalse();
        for (String inCluster : List.of("in-cluster", "IN_CLUSTER", "inCluster", " In-Cluster ")) {
            assertTrustMaterial(new MockEnvironment().withProperty("kube.client.mode", inCluster),
                    "kube.client.mode=" + inCluster).isTrue();
        }
        assertTrustMaterial(new MockEnvironment().withProperty("HOME", home.toString())
            .withProperty("KUBERNETES_SERVICE_HOST", "10.96.0.1"), "only one of the service variables").isFalse();
        assertTrustMaterial(new MockEnvironment().withProperty("HOME", home.toString())
            .withProperty("KUBERNETES_SERVICE_HOST", "10.96.0.1").withProperty("KUBERNETES_SERVICE_PORT", " "),
                "a blank service port").isFalse();
        assertTrustMaterial(new MockEnvironment().withProperty("HOME", home.toString())
            .withProperty("kube.client.certificate-authority", dir.resolve("ca.crt").toString()),
                "kube.client.certificate-authority").isTrue();
        assertTrustMaterial(new MockEnvironment().withProperty("HOME", home.toString())
            .withProperty("kube.client.master-url", "https://127.0.0.1:6443"), "properties without a CA").isFalse();
    }

    private static AbstractBooleanAssert<?> assertTrustMaterial(Environment env, String description) {
        KubeClientPreinitialization work = KubeClientPreinitialization.of(env);
        work.run();
        assertThat(work.readKubeconfig()).as("%s: no kubeconfig read", description).isFalse();
        return assertThat(work.builtTrustMaterial()).as(description);
    }

    @Test
    void theModeIsComparedAsSpringBindsIt() {
        assertThat(List.of("in-cluster", "IN_CLUSTER", "inCluster", "in_cluster", " In-Cluster "))
            .allSatisfy((value) -> assertThat(KubeClientPreinitialization.canonicalMode(value)).isEqualTo("incluster"));
        assertThat(KubeClientPreinitialization.canonicalMode("KubeConfig")).isEqualTo("kubeconfig");
        assertThat(KubeClientPreinitialization.canonicalMode("")).isEmpty();
    }

    @Test
    void theWorkNeitherConnectsNorLeavesAThread(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Both forms: the kubeconfig (CA data, token) and properties pointing at this socket.
            KubeClientPreinitialization fromKubeconfig = new KubeClientPreinitialization(true, Map.of(), false);
            fromKubeconfig.run();
            assertThat(fromKubeconfig.readKubeconfig()).isTrue();
            assertThat(fromKubeconfig.builtTrustMaterial()).as("trust material from the kubeconfig's CA data").isTrue();
            KubeClientPreinitialization fromProperties = new KubeClientPreinitialization(false, Map.of("HOME", dir.toString()), false);
            fromProperties.run();
            assertThat(fromProperties.readKubeconfig()).isFalse();
            assertThat(fromProperties.builtTrustMaterial()).isFalse();
            apiServer.setSoTimeout(1);
            assertThatThrownBy(() -> {
                try (Socket s = apiServer.accept()) {
                    // a connection arrived
                }
            }).as("a connection").isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("threads started by the work")
            .allMatch((t) -> before.contains(t) || !t.getName().startsWith("kube-client") || !t.isAlive());
    }

    @Test
    void theRefusingTransportRefuses() {
        assertThatThrownBy(() -> new KubeClientPreinitialization.RefusingTransport().send(null))
            .hasMessageContaining("sends no requests");
    }

    private static boolean started(boolean ignore, int processors, Environment env) {
        AtomicReference<Thread> ran = new AtomicReference<>();
        Function<Environment, Runnable> work = (e) -> () -> ran.set(Thread.currentThread());
        KubeClientBackgroundPreinitializer listener = new KubeClientBackgroundPreinitializer(ignore, processors, work);
        try (ConfigurableApplicationContext context = app(listener).environment(configurable(env)).run()) {
            return ran.get() != null;
        }
    }

    private static org.springframework.core.env.ConfigurableEnvironment configurable(Environment env) {
        return (MockEnvironment) env;
    }

    private static SpringApplicationBuilder app(KubeClientBackgroundPreinitializer listener) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "logging.level.root=warn")
            .listeners(listener);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Configuration(proxyBeanMethods = false)
    static class Failing {

        @Bean
        String failing() {
            throw new IllegalStateException("no start");
        }
    }
}
