package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.restmapper.RESTMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What starting an application with the starter's beans costs besides time: no request to the API
 * server, no client thread, and neither Jackson databind nor the client's mapper loaded until the
 * first request (also when reading a kubeconfig file of the common shape, which the client reads
 * without Jackson or SnakeYAML), with the background pre-initializer running; and that the
 * pre-initializer's class list names the client classes the application loads. Runs the
 * application in a fresh JVM so that the classes it loads can be listed.
 */
class StartupSideEffectsTests {

    @Test
    void startingAndInjectingTheClientsNeitherConnectsNorLoadsJackson(@TempDir Path dir) throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = runProbe(dir, apiServer);
            assertThat(loaded).as("Jackson databind or our mapper loaded while starting")
                .noneMatch((name) -> name.startsWith("tools.jackson.databind."))
                .doesNotContain("io.kubeclient.rest.KubeJson");
            assertThat(loaded).as("no kubeconfig to read: the pre-initializer leaves the YAML parser alone")
                .noneMatch((name) -> name.startsWith("tools.jackson.dataformat.yaml."));
            assertThat(Files.readString(dir.resolve("out.txt"))).as("no CA to check the server against: none parsed")
                .contains(Probe.TRUST_MATERIAL + "false");
        }
    }

    /**
     * From a kubeconfig file the main thread parses it while the pre-initializer parses its own:
     * both load the same classes at the same time. Repeated in fresh JVMs, where class
     * initialisation happens anew, so that a deadlock between the two threads would show.
     */
    @RepeatedTest(3)
    void startingFromAKubeconfigWhileThePreinitializerRunsNeitherConnectsNorLoadsAMapper(@TempDir Path dir)
            throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, PROBE_KUBECONFIG);
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = runProbe(dir, apiServer, "--kube.client.kubeconfig=" + kubeconfig);
            assertThat(loaded).as("a Jackson mapper or ours loaded while starting")
                .doesNotContain("tools.jackson.databind.ObjectMapper", "io.kubeclient.rest.KubeJson");
            assertThat(loaded).as("the client's own kubeconfig reader").contains("io.kubeclient.clientcmd.KubeconfigYaml");
            assertThat(Files.readString(dir.resolve("out.txt"))).as("the pre-initializer checked its kubeconfig's CA")
                .contains(Probe.TRUST_MATERIAL + "true");
            assertThat(loaded).as("a YAML or Jackson parser loaded to read a kubeconfig of the common shape")
                .noneMatch((name) -> name.startsWith("org.snakeyaml.") || name.startsWith("tools.jackson.dataformat.yaml.")
                        || name.startsWith("tools.jackson.core.") || name.startsWith("tools.jackson.databind."));
            assertThat(loaded).as("the CA data's structure is checked while starting; the JDK's parse of it, its key store"
                    + " and trust manager wait for a request")
                .contains("io.kubeclient.transport.Pem$Der")
                .doesNotContain("sun.security.x509.X509CertImpl", "java.security.cert.CertificateFactory",
                        "javax.net.ssl.TrustManagerFactory", "sun.security.pkcs12.PKCS12KeyStore");
        }
    }

    /**
     * The pre-initializer's class list ({@link KubeClientPreinitialization#CLASS_LIST}) names exactly
     * the client classes an application loads by itself while it starts (the pre-initializer off):
     * configured by properties, from kubeconfig files for an {@code https} server, whose CA it
     * checks, with a token, a client certificate and a credential plugin, and in a pod from its
     * service account. JDK classes in the list are left out: they depend on the JDK.
     */
    @Test
    void theClassListNamesTheClientClassesAnApplicationLoadsAtStart(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, PROBE_KUBECONFIG);
        Set<String> loaded = new LinkedHashSet<>();
        loaded.addAll(probeWithoutPreinitializer(dir, "properties", "http"));
        loaded.addAll(probeWithoutPreinitializer(dir, "kubeconfig-file", "https", "--kube.client.kubeconfig=" + kubeconfig));
        // As kind, kubeadm and minikube write it: an RSA client certificate with its PKCS#1 key.
        HeldCertificate user = new HeldCertificate.Builder().commonName("kubernetes-admin").rsa2048().build();
        Path clientCertKubeconfig = dir.resolve("kubeconfig-client-certificate");
        Files.writeString(clientCertKubeconfig, PROBE_KUBECONFIG
            .replace("token: not-a-token", "client-certificate-data: " + base64(user.certificatePem())
                    + "\n    client-key-data: " + base64(user.privateKeyPkcs1Pem())));
        List<String> fromClientCert = probeWithoutPreinitializer(dir, "client-certificate", "https",
                "--kube.client.kubeconfig=" + clientCertKubeconfig);
        // As k3s writes it: an EC client certificate with its SEC1 key, which carries the public point.
        HeldCertificate k3sUser = new HeldCertificate.Builder().commonName("system:admin").ecdsa256().build();
        Path k3sKubeconfig = dir.resolve("kubeconfig-k3s");
        Files.writeString(k3sKubeconfig, PROBE_KUBECONFIG
            .replace("token: not-a-token", "client-certificate-data: " + base64(k3sUser.certificatePem())
                    + "\n    client-key-data: " + base64(sec1WithPoint(k3sUser))));
        List<String> fromK3s = probeWithoutPreinitializer(dir, "k3s", "https", "--kube.client.kubeconfig=" + k3sKubeconfig);
        for (List<String> fromKey : List.of(fromClientCert, fromK3s)) {
            assertThat(fromKey).as("a client certificate and key whose DER shows that they match: checked, not parsed,"
                    + " while starting")
                .contains("io.kubeclient.transport.Pem$PublicParts")
                .doesNotContain("sun.security.x509.X509CertImpl", "java.security.cert.CertificateFactory",
                        "java.security.KeyFactory");
            loaded.addAll(fromKey);
        }
        // As aws eks update-kubeconfig writes it (gcloud and az with kubelogin alike): a credential
        // plugin, run on the first request only.
        Path execKubeconfig = dir.resolve("kubeconfig-exec");
        Files.writeString(execKubeconfig, PROBE_KUBECONFIG.replace("token: not-a-token", """
                exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      args:
                      - --region
                      - eu-west-1
                      - eks
                      - get-token
                      - --cluster-name
                      - probe
                      command: aws
                      env: null
                      interactiveMode: IfAvailable
                      provideClusterInfo: false"""));
        List<String> fromExec = probeWithoutPreinitializer(dir, "exec", "https", "--kube.client.kubeconfig=" + execKubeconfig);
        assertThat(fromExec).as("the client's own reader reads a credential plugin's kubeconfig")
            .contains("io.kubeclient.clientcmd.KubeconfigYaml")
            .noneMatch((name) -> name.startsWith("tools.jackson.dataformat.yaml."));
        loaded.addAll(fromExec);
        loaded.addAll(probeWithoutPreinitializer(dir, "in-cluster", "https", inCluster(dir).toArray(String[]::new)));
        assertThat(loaded).as("Jackson databind loaded at start in one of these configurations (a credential plugin's"
                + " JSON, for one, waits for its first run)")
            .noneMatch((name) -> name.startsWith("tools.jackson.databind."));
        assertThat(loaded).as("the credential plugin's authenticator, created at start")
            .contains("io.kubeclient.transport.ExecAuthenticator");
        assertThat(loaded).as("the client certificate checked at start")
            .contains("io.kubeclient.transport.Tls$StaticCertificateSource");
        assertThat(loaded).as("the CA checked at start").contains("io.kubeclient.transport.Pem");
        List<String> listed = listed();
        List<String> client = loaded.stream()
            .filter((name) -> name.startsWith("io.kubeclient.") && !name.contains("$$Lambda") && !name.contains("/"))
            .filter((name) -> !name.startsWith(KubeClientPreinitialization.class.getName())
                    && !name.startsWith(KubeClientBackgroundPreinitializer.class.getName())
                    && !name.startsWith(StartupSideEffectsTests.class.getName()))
            .toList();
        assertThat(client.stream().filter((name) -> !listed.contains(name)).toList())
            .as("client classes loaded at start but missing from %s (add them, in the order listed here)",
                    KubeClientPreinitialization.CLASS_LIST)
            .isEmpty();
        assertThat(listed.stream().filter((name) -> name.startsWith("io.kubeclient.") && !client.contains(name)).toList())
            .as("client classes in %s that an application no longer loads at start (remove them)",
                    KubeClientPreinitialization.CLASS_LIST)
            .isEmpty();
    }

    /**
     * {@link #runProbe} with the pre-initializer off, in its own directory {@code name} under {@code dir},
     * against a socket of its own: the classes the application loads by itself.
     */
    private static List<String> probeWithoutPreinitializer(Path dir, String name, String scheme, String... args)
            throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kube.client.preinitialize=false");
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return runProbe(Files.createDirectories(dir.resolve(name)), apiServer, false, scheme, all.toArray(String[]::new));
        }
    }

    /**
     * In a pod the main thread checks the service account's CA while the pre-initializer checks its
     * own, as from a kubeconfig: no deadlock, no connection, no thread left, no mapper, and no
     * certificate parsed by the JDK before the first request.
     */
    @Test
    void startingInAPodWhileThePreinitializerRunsNeitherConnectsNorLoadsAMapper(@TempDir Path dir) throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = runProbe(dir, apiServer, true, "https", inCluster(dir).toArray(String[]::new));
            assertThat(loaded).as("a Jackson mapper or ours loaded while starting")
                .doesNotContain("tools.jackson.databind.ObjectMapper", "io.kubeclient.rest.KubeJson");
            assertThat(loaded).as("the service account's token file, read at start")
                .contains("io.kubeclient.transport.AuthTransports$CachedFileTokenSource");
            assertThat(Files.readString(dir.resolve("out.txt"))).as("the pre-initializer checked its CA")
                .contains(Probe.TRUST_MATERIAL + "true");
            assertThat(loaded).as("the service account's CA is checked, not parsed, while starting")
                .contains("io.kubeclient.transport.Pem$Der")
                .doesNotContain("sun.security.x509.X509CertImpl", "java.security.cert.CertificateFactory");
        }
    }

    /**
     * Credentials that the client fetches on the first request, a credential plugin's or an oidc
     * provider's, load no Jackson databind at start: the JSON they need waits for that request.
     */
    @Test
    void anOidcProviderLoadsNoJacksonAtStart(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig-oidc");
        Files.writeString(kubeconfig, PROBE_KUBECONFIG.replace("token: not-a-token", """
                auth-provider:
                      name: oidc
                      config:
                        client-id: probe
                        idp-issuer-url: https://issuer.example
                        id-token: not.a.token
                        refresh-token: not-a-refresh-token"""));
        try (ServerSocket apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = runProbe(dir, apiServer, true, "https", "--kube.client.kubeconfig=" + kubeconfig);
            assertThat(loaded).as("the oidc provider, set up at start").contains("io.kubeclient.transport.AuthProviders");
            assertThat(loaded).as("Jackson databind loaded at start for tokens read on the first request")
                .noneMatch((name) -> name.startsWith("tools.jackson.databind."));
        }
    }

    /**
     * The arguments that make the probe run as in a pod, from a service-account directory made under
     * {@code dir}: its token, namespace and CA (RSA, as kubeadm and the managed clusters make it).
     */
    private static List<String> inCluster(Path dir) throws IOException {
        Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "not-a-token");
        Files.writeString(serviceAccount.resolve("namespace"), "probe");
        Files.writeString(serviceAccount.resolve("ca.crt"),
                new HeldCertificate.Builder().certificateAuthority(0).rsa2048().build().certificatePem());
        return List.of("--kube.client.mode=in-cluster", "--KUBERNETES_SERVICE_HOST=127.0.0.1",
                "--KUBERNETES_SERVICE_PORT=443", "--" + Probe.SERVICE_ACCOUNT_DIR + "=" + serviceAccount);
    }

    /** The pre-initializer's built-in kubeconfig under other names, so the two parses are told apart. */
    private static final String PROBE_KUBECONFIG = KubeClientPreinitialization.KUBECONFIG
        .replace("name: preinit", "name: probe").replace(": preinit", ": probe");

    /** A P-256 key as SEC1 with its curve and public point, as k3s writes it, from the JDK's encodings. */
    private static String sec1WithPoint(HeldCertificate c) {
        byte[] pkcs8 = c.keyPair().getPrivate().getEncoded();
        byte[] spki = c.keyPair().getPublic().getEncoded();
        assertThat(pkcs8).as("the JDK's P-256 PKCS#8 layout").hasSize(67);
        assertThat(spki).as("the JDK's P-256 public key layout").hasSize(91);
        java.io.ByteArrayOutputStream sec1 = new java.io.ByteArrayOutputStream();
        sec1.writeBytes(new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20});
        sec1.write(pkcs8, 35, 32);
        sec1.writeBytes(new byte[] {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01,
                0x07, (byte) 0xa1, 0x44, 0x03, 0x42, 0x00});
        sec1.write(spki, 26, 65);
        return "-----BEGIN EC PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(sec1.toByteArray())
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static String base64(String pem) {
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> runProbe(Path dir, ServerSocket apiServer, String... args) throws Exception {
        return runProbe(dir, apiServer, true, "http", args);
    }

    /**
     * Runs {@link Probe} in a fresh JVM with the master URL ({@code scheme}) pointing at {@code apiServer}; checks that
     * it started, that the background pre-initializer ran and finished (when {@code preinitialized}),
     * that no client thread is left and that nothing connected; returns the classes it loaded.
     */
    private static List<String> runProbe(Path dir, ServerSocket apiServer, boolean preinitialized, String scheme,
            String... args) throws Exception {
        Path classLog = dir.resolve("classes.txt");
        Path home = Files.createDirectories(dir.resolve("home"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load:file=" + classLog,
                // Spring Boot's background pre-initializer would load Jackson for its own converters
                // (the test classpath has Spring MVC): switched off so the log shows what the client
                // loads. The switch turns ours off too: the probe registers it itself.
                "-Dspring.backgroundpreinitializer.ignore=true",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                "--kube.client.master-url=" + scheme + "://127.0.0.1:" + apiServer.getLocalPort(),
                "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile());
        // No kubeconfig from the machine running the tests: only what the test passes configures the client.
        pb.environment().remove("KUBECONFIG");
        pb.environment().remove("KUBERNETES_SERVICE_HOST");
        pb.environment().put("HOME", home.toString());
        Process probe = pb.start();
        boolean exited = probe.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            probe.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(exited).as("the probe application exited; output:%n%s", out).isTrue();
        assertThat(probe.exitValue()).as("exit status; output:%n%s", out).isZero();
        assertThat(out).contains(Probe.READY);
        assertThat(out).as("whether the background pre-initializer completed")
            .contains(Probe.PREINITIALIZED + preinitialized);
        assertThat(out).as("threads the client (or its pre-initializer) left running once the application started")
            .contains(Probe.THREADS + "[]");

        apiServer.setSoTimeout(1);
        boolean contacted;
        try (Socket s = apiServer.accept()) {
            contacted = true;
        } catch (SocketTimeoutException e) {
            contacted = false;
        }
        assertThat(contacted).as("a connection to the API server during start-up").isFalse();

        List<String> loaded = loadedClasses(classLog);
        assertThat(loaded).as("the log lists the application's classes")
            .contains(Clientset.class.getName(), RESTClient.class.getName(), Probe.User.class.getName());
        assertThat(loaded).as("the core/v1 group client, created when the component asked for it")
            .contains("io.kubeclient.kubernetes.CoreV1Client");
        return loaded;
    }

    private static List<String> listed() throws IOException {
        try (var in = StartupSideEffectsTests.class.getClassLoader()
                .getResourceAsStream(KubeClientPreinitialization.CLASS_LIST)) {
            assertThat(in).as(KubeClientPreinitialization.CLASS_LIST).isNotNull();
            return KubeClientPreinitialization.classNames(in);
        }
    }

    private static List<String> loadedClasses(Path log) throws IOException {
        // Lines look like "[0.123s][info][class,load] java.lang.Object source: shared objects file".
        return Files.readAllLines(log).stream()
            .map((line) -> line.substring(line.lastIndexOf(']') + 1).strip())
            .map((rest) -> rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest)
            .toList();
    }

    /** An application using the starter's clients the way an application would: injected into a bean. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KubeClientAutoConfiguration.class)
    static class Probe {

        static final String READY = "PROBE READY";

        static final String THREADS = "PROBE CLIENT THREADS ";

        static final String PREINITIALIZED = "PROBE PREINITIALIZED ";

        static final String TRUST_MATERIAL = "PROBE PREINITIALIZER TRUST MATERIAL ";

        /** The pre-initializer's work, once the application's environment is prepared. */
        static volatile KubeClientPreinitialization work;

        /** The property naming a service-account directory to use instead of the pod's. */
        static final String SERVICE_ACCOUNT_DIR = "probe.service-account-dir";

        public static void main(String[] args) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Probe.class)
                .web(WebApplicationType.NONE)
                // The pre-initializer as spring.factories registers it, minus Boot's switch (see above).
                .listeners(new KubeClientBackgroundPreinitializer(false, 2, (environment) -> {
                    work = KubeClientPreinitialization.of(environment);
                    return work;
                }))
                .run(args)) {
                context.getBean(User.class);
                context.getBean(DynamicClient.class);
                String clientThreads = Thread.getAllStackTraces().keySet().stream()
                    .map(Thread::getName)
                    .filter((name) -> name.startsWith("kube-client"))
                    .sorted()
                    .toList()
                    .toString();
                System.out.println(THREADS + clientThreads);
                System.out.println(PREINITIALIZED + KubeClientPreinitialization.isDone());
                System.out.println(TRUST_MATERIAL + (work != null && work.builtTrustMaterial()));
                System.out.println(READY);
            }
        }

        @Bean
        User user(Clientset clientset, RESTClient restClient, CachedDiscoveryInterface discovery, RESTMapper mapper) {
            return new User(clientset, restClient, discovery, mapper);
        }

        record User(Clientset clientset, RESTClient restClient, CachedDiscoveryInterface discovery, RESTMapper mapper) {
            User {
                clientset.coreV1();
            }
        }

        /**
         * The auto-configuration's connection details, built as it builds them, but reading the
         * service account from {@link #SERVICE_ACCOUNT_DIR}: a test cannot write the pod's directory.
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(SERVICE_ACCOUNT_DIR)
        static class InCluster {

            @Bean
            PropertiesKubeConnectionDetails kubeConnectionDetails(KubeClientProperties properties, Environment environment) {
                Function<String, String> env = environment::getProperty;
                return new PropertiesKubeConnectionDetails(properties, env,
                        InClusterConfig.of(env, Path.of(environment.getRequiredProperty(SERVICE_ACCOUNT_DIR))));
            }
        }
    }
}
