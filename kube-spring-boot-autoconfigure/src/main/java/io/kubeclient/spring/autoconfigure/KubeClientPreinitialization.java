package io.kubeclient.spring.autoconfigure;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.clientcmd.ClientConfig;
import io.kubeclient.clientcmd.ClientConfigLoadingRules;
import io.kubeclient.clientcmd.Clientcmd;
import io.kubeclient.clientcmd.ConfigOverrides;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.discovery.DiscoveryClient;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.WarningHandlers;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.transport.AuthTransports;
import io.kubeclient.transport.HttpTransport;
import io.kubeclient.transport.ImpersonationConfig;
import io.kubeclient.transport.JdkHttpTransport;
import io.kubeclient.transport.ProxyConfig;
import io.kubeclient.transport.TlsConfig;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The work of {@link KubeClientBackgroundPreinitializer}: the classes the starter's beans need
 * loaded from a list ({@link #CLASS_LIST}), then their start-up path run once on built-in input, so
 * that their classes are loaded, linked and initialised before the main thread needs them. No file
 * is read besides that list on the class path (the kubeconfig parser is warmed only when
 * {@code kube.client.kubeconfig} is set or a default kubeconfig file exists), no {@code HttpClient}
 * is created, no thread started and nothing sent: the CA is checked by building and closing a
 * transport, and the transport's layers and the clients go over a transport that refuses every
 * request. Neither Jackson databind
 * nor the client's JSON mapper is touched (the kubeconfig, of the common shape, is read by the
 * client's own reader without Jackson or SnakeYAML, as at start).
 */
final class KubeClientPreinitialization implements Runnable {

    /** PEM of a self-signed EC test CA (its key was thrown away), base64-encoded as kubeconfig CA data. */
    private static final String CA_DATA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJaakNDQVF5Z0F3SUJBZ0lJRm5HbUhqdktVVTh3Q2dZSUtvWkl6ajBFQXdJ"
            + "d0hqRWNNQm9HQTFVRUF4TVQNCmEzVmlaUzFqYkdsbGJuUXRjSEpsYVc1cGREQWdGdzB5TmpFeE1qY3dORFU0TkRSYUdBOHlNVEky"
            + "TVRFd016QTANCk5UZzBORm93SGpFY01Cb0dBMVVFQXhNVGEzVmlaUzFqYkdsbGJuUXRjSEpsYVc1cGREQlpNQk1HQnlxR1NNNDkN"
            + "CkFnRUdDQ3FHU000OUF3RUhBMElBQkRmczc1THBnNGtNbGdHNks4QnYxeVgyVjROTnR5QWxwclprbjI5bWxtY1ANCmJaN1RSRDdJ"
            + "cWhYNUUxc1dSVEdFNTAwQXVHUVFEajZ3ejB3eGpyVzhrWWVqTWpBd01CMEdBMVVkRGdRV0JCUm4NCm1kSlVzd241aTBSaGpUa28w"
            + "RUo0dFd3aEZUQVBCZ05WSFJNQkFmOEVCVEFEQVFIL01Bb0dDQ3FHU000OUJBTUMNCkEwZ0FNRVVDSVFDcHhEMGJoUFdyYkhzVWNz"
            + "cW14OVZoYWJLOFBjTTJackpOREw4N3RmOTBpQUlnVTR3M0VIcG8NCnp2ZXhsNmxHRFpjdEQ4amdGLzQ0REUra3ZiU05CM2NrZlZR"
            + "PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==";

    /**
     * A kubeconfig as a developer's machine has one: YAML, CA data and a token. A compile-time
     * constant, so that loading this class on the main thread costs nothing.
     */
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: preinit
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data:\s""" + CA_DATA + """

            users:
            - name: preinit
              user:
                token: not-a-token
            contexts:
            - name: preinit
              context:
                cluster: preinit
                user: preinit
                namespace: default
            current-context: preinit
            """;

    /**
     * The resource naming the classes to load first, one binary name per line, {@code #} starting a
     * comment: those the application loads while it starts, including some the path run here does
     * not reach (Spring's reflection over the beans' classes loads the types in their signatures).
     */
    static final String CLASS_LIST = "META-INF/kube-client/preinitialized-classes";

    /** Set once the work has completed in this JVM: a second application finds the classes warm. */
    private static volatile boolean done;

    /** The environment variables the default loading rules read (client-go's home-directory lookup included). */
    private static final List<String> RULES_ENV = List.of("KUBECONFIG", "HOME", "HOMEDRIVE", "HOMEPATH", "USERPROFILE");

    private final boolean explicitKubeconfig;
    private final Map<String, String> rulesEnv;
    private final boolean serverCa;
    private final ClassLoader classLoader;
    private volatile boolean readKubeconfig;
    private volatile boolean trustMaterial;

    /**
     * @param explicitKubeconfig the application names its kubeconfig files ({@code kube.client.kubeconfig})
     * @param rulesEnv the variables of {@link #RULES_ENV} that are set, for the default loading rules;
     *     {@code null} when the application reads no kubeconfig ({@code kube.client.mode=in-cluster})
     * @param serverCa the application may check the server against a CA from outside a kubeconfig:
     *     a pod's service-account CA, or {@code kube.client.certificate-authority}
     */
    KubeClientPreinitialization(boolean explicitKubeconfig, Map<String, String> rulesEnv, boolean serverCa) {
        this(explicitKubeconfig, rulesEnv, serverCa, KubeClientPreinitialization.class.getClassLoader());
    }

    /** As above, loading the listed classes through {@code classLoader}. */
    KubeClientPreinitialization(boolean explicitKubeconfig, Map<String, String> rulesEnv, boolean serverCa,
            ClassLoader classLoader) {
        this.explicitKubeconfig = explicitKubeconfig;
        this.rulesEnv = rulesEnv;
        this.serverCa = serverCa;
        this.classLoader = classLoader;
    }

    /**
     * The work for an application's environment, or {@code null} once it has been done in this JVM.
     * Called on the pre-initializer's thread, which reads the properties it needs.
     */
    static Runnable forEnvironment(Environment environment) {
        return done ? null : of(environment);
    }

    /** The work for an application's environment, whether or not it has been done before. */
    static KubeClientPreinitialization of(Environment environment) {
        String mode = canonicalMode(environment.getProperty("kube.client.mode", ""));
        if ("incluster".equals(mode)) {
            // The service account only, whose CA the application checks at start.
            return new KubeClientPreinitialization(false, null, true);
        }
        // In a pod the application may fall back to the service account, except in kubeconfig mode.
        // Only the variables are looked at: the service-account files are left alone.
        boolean inPod = !"kubeconfig".equals(mode)
                && hasText(environment, "KUBERNETES_SERVICE_HOST") && hasText(environment, "KUBERNETES_SERVICE_PORT");
        boolean serverCa = inPod || hasText(environment, "kube.client.certificate-authority");
        boolean explicit = environment.containsProperty("kube.client.kubeconfig")
                || environment.containsProperty("kube.client.kubeconfig[0]");
        Map<String, String> env = new HashMap<>();
        for (String name : RULES_ENV) {
            String value = environment.getProperty(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return new KubeClientPreinitialization(explicit, env, serverCa);
    }

    /**
     * A {@code kube.client.mode} value as Spring's lenient enum binding compares it: letters and
     * digits only, lower case ({@code in-cluster}, {@code IN_CLUSTER} and {@code inCluster} all
     * give {@code incluster}).
     */
    static String canonicalMode(String value) {
        StringBuilder canonical = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                canonical.append(Character.toLowerCase(c));
            }
        }
        return canonical.toString();
    }

    private static boolean hasText(Environment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    static boolean isDone() {
        return done;
    }

    /** Whether the last run parsed a kubeconfig. */
    boolean readKubeconfig() {
        return this.readKubeconfig;
    }

    /** Whether the last run checked CA data as the application's transport does. */
    boolean builtTrustMaterial() {
        return this.trustMaterial;
    }

    @Override
    public void run() {
        preload(this.classLoader);
        boolean kubeconfig = mayReadKubeconfig();
        this.readKubeconfig = kubeconfig;
        RestConfig config = restConfig(kubeconfig);
        if (config.caData() != null) {
            trustManagers(config.caData());
            this.trustMaterial = true;
        } else if (this.serverCa) {
            serverCa(Base64.getDecoder().decode(CA_DATA));
            this.trustMaterial = true;
        }
        transportLayers(config);
        clients(config);
        done = true;
    }

    /**
     * Loads, without initialising them, the classes {@link #CLASS_LIST} names: reading, parsing and
     * defining them is most of what the starter's classes cost, and here it is off the main thread.
     * A missing list or a name that does not load is skipped.
     *
     * @return how many of the named classes loaded
     */
    static int preload(ClassLoader loader) {
        List<String> names;
        try (InputStream in = loader.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            names = classNames(in);
        } catch (IOException e) {
            return 0;
        }
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Not on this class path (or not loadable here): the main thread will say so if it needs it.
            }
        }
        return loaded;
    }

    /** The class names of a list: one per line, blank lines and {@code #} comments skipped. */
    static List<String> classNames(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Whether the application will read a kubeconfig, so that the parser is warmed only then: an
     * application configured with properties alone never loads it. The only file-system access of
     * the pre-initialization: whether the default rules' files exist, which the application checks
     * too (nothing is read).
     */
    private boolean mayReadKubeconfig() {
        if (this.explicitKubeconfig) {
            return true;
        }
        if (this.rulesEnv == null) {
            return false;
        }
        for (Path file : ClientConfigLoadingRules.defaultRules(this.rulesEnv::get).loadingPrecedence()) {
            if (Files.isRegularFile(file)) {
                return true;
            }
        }
        return false;
    }

    /** The connection details' path: a kubeconfig (or an empty one) with property overrides. */
    private static RestConfig restConfig(boolean kubeconfig) {
        Config raw = kubeconfig ? Clientcmd.load(KUBECONFIG.getBytes(StandardCharsets.UTF_8)) : Config.EMPTY;
        ConfigOverrides overrides = ConfigOverrides.builder()
                .context(Context.of("", "", ""))
                .clusterInfo(kubeconfig ? Cluster.EMPTY : Cluster.builder().server("https://127.0.0.1:6443").build())
                .authInfo(kubeconfig ? AuthInfo.builder().build() : AuthInfo.builder().token("not-a-token").build())
                .build();
        // No in-cluster fallback: that would look for the service-account files.
        InClusterConfig notInCluster = InClusterConfig.of((name) -> null, Path.of("/nonexistent"));
        ClientConfig clientConfig = Clientcmd.newNonInteractiveDeferredLoadingClientConfig(() -> raw, overrides,
                notInCluster);
        RestConfig base = clientConfig.clientConfig();
        clientConfig.namespace();
        // As kubeRestConfig customises it.
        return base.toBuilder()
                .qps(0)
                .burst(0)
                .timeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(30))
                .maxRetries(10)
                .warningHandler(WarningHandlers.logging())
                .build();
    }

    /**
     * PEM CA data through the transport's own check of a configured CA, the one the application's
     * transport runs at start (the certificates' structure; the JDK parses them on the first
     * request). The transport starts no thread and opens no connection until its first request; it
     * is closed at once.
     */
    private static void trustManagers(byte[] pem) {
        JdkHttpTransport.builder().tls(TlsConfig.builder().caData(pem).build()).build().close();
    }

    /**
     * A CA the application reads from a file: the service account's, whose certificates' structure
     * it checks first (as client-go's in-cluster config parses them), then the transport's check of
     * a configured CA. Neither parses an X.509 certificate: the JDK does that on the first request.
     */
    private static void serverCa(byte[] pem) {
        TlsConfig.checkCertificates(pem);
        trustManagers(pem);
    }

    /**
     * The layers {@code Transports.forConfig} stacks for the beans, without its process-wide cache
     * (where the built-in config would stay): the JDK transport, built and closed before it creates
     * an {@code HttpClient}, the default {@code User-Agent} (a process-wide constant), and the token,
     * user-agent and impersonation layers over a transport that refuses every request.
     */
    private static void transportLayers(RestConfig config) {
        TlsConfig tls = TlsConfig.builder().insecure(config.insecure()).serverName(config.serverName())
                .nextProtos(config.nextProtos()).build();
        ProxyConfig proxy = ProxyConfig.fromEnvironment((name) -> null);
        JdkHttpTransport.Builder base = JdkHttpTransport.builder();
        if (config.connectTimeout() != null) {
            base.connectTimeout(config.connectTimeout());
        }
        base.tls(tls).proxy(proxy).disableCompression(config.disableCompression()).build().close();
        HttpTransport t = AuthTransports.bearerToken(new RefusingTransport(), "not-a-token", null, Clock.systemUTC());
        t = AuthTransports.userAgent(t, AuthTransports.defaultUserAgent());
        AuthTransports.impersonation(t, new ImpersonationConfig("preinit", "", List.of(), Map.of()));
    }

    /** The beans' clients, over a transport that refuses every request. */
    private static void clients(RestConfig config) {
        HttpTransport refusing = new RefusingTransport();
        RESTClient.forConfigAndTransport(config.toBuilder().apiPath("/api").groupVersion(GroupVersion.of("", "v1")).build(),
                refusing);
        Clientset.newForConfigAndClient(config, refusing).coreV1();
        DynamicClient.newForConfigAndClient(config, refusing);
        DiscoveryClient discovery = DiscoveryClient.newForConfigAndTransport(config, refusing);
        ExpiringCachedDiscovery cached = new ExpiringCachedDiscovery(new MemCacheDiscoveryClient(discovery),
                Duration.ofMinutes(10), ExpiringCachedDiscovery.SYSTEM_NANO_TIME, discovery);
        new DeferredDiscoveryRESTMapper(cached);
    }

    /** Pre-initialization sends nothing; should a client try, it fails here, never on the network. */
    static final class RefusingTransport implements HttpTransport {

        @Override
        public TransportResponse send(TransportRequest request) throws IOException {
            throw new IOException("background pre-initialization sends no requests");
        }
    }
}
