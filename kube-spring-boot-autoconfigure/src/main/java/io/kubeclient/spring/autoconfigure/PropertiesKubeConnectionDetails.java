package io.kubeclient.spring.autoconfigure;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.ClientConfig;
import io.kubeclient.clientcmd.ClientConfigLoadingRules;
import io.kubeclient.clientcmd.Clientcmd;
import io.kubeclient.clientcmd.ConfigOverrides;
import io.kubeclient.clientcmd.ConfigurationInvalidException;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.transport.ImpersonationConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link KubeConnectionDetails} from {@code kube.client.*}: the core's kubeconfig loading rules or
 * the in-cluster service account, with the connection properties as kubectl-style overrides.
 *
 * <p>Resolved once, on first use; no network I/O. Bad input fails with a
 * {@link KubeClientConfigurationException} naming the property, and a missing configuration with a
 * {@link NoKubeConfigurationException}.
 */
final class PropertiesKubeConnectionDetails implements KubeConnectionDetails {

    static final String IN_CLUSTER = "in-cluster";

    private final KubeClientProperties properties;
    private final Function<String, String> env;
    private final InClusterConfig inCluster;
    private volatile Resolved resolved;

    /**
     * @param properties the bound properties
     * @param env environment lookup for {@code KUBECONFIG}, {@code HOME} and friends
     * @param inCluster the in-cluster source
     */
    PropertiesKubeConnectionDetails(KubeClientProperties properties, Function<String, String> env,
            InClusterConfig inCluster) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.env = Objects.requireNonNull(env, "env");
        this.inCluster = Objects.requireNonNull(inCluster, "inCluster");
    }

    @Override
    public RestConfig restConfig() {
        return resolve().restConfig();
    }

    @Override
    public String namespace() {
        return resolve().namespace();
    }

    @Override
    public String source() {
        return resolve().source();
    }

    private record Resolved(RestConfig restConfig, String namespace, String source) {}

    private Resolved resolve() {
        Resolved r = this.resolved;
        if (r == null) {
            synchronized (this) {
                r = this.resolved;
                if (r == null) {
                    r = (this.properties.getMode() == KubeClientProperties.Mode.IN_CLUSTER) ? inClusterOnly()
                            : fromKubeconfig(this.properties.getMode() == KubeClientProperties.Mode.AUTO);
                    this.resolved = r;
                }
            }
        }
        return r;
    }

    // ---- kubeconfig (with in-cluster fallback in auto mode)

    private Resolved fromKubeconfig(boolean inClusterFallback) {
        checkCommonPaths();
        List<Path> explicit = explicitKubeconfigs();
        ClientConfigLoadingRules rules = explicit.isEmpty() ? ClientConfigLoadingRules.defaultRules(this.env)
                : ClientConfigLoadingRules.builder().precedence(explicit).build();
        String filesProperty = explicit.isEmpty() ? "KUBECONFIG" : "kube.client.kubeconfig";
        Config raw;
        try {
            raw = rules.load();
        } catch (ConfigException e) {
            throw new KubeClientConfigurationException(filesProperty, "unable to load kubeconfig: " + e.getMessage(),
                    "Fix the file or point " + filesProperty + " at a valid kubeconfig.", e);
        }
        checkNames(raw, filesProperty, rules.loadingPrecedence());
        ConfigOverrides overrides = overrides();
        boolean empty = isEmpty(raw, overrides);
        InClusterConfig fallback = inClusterFallback ? this.inCluster
                : InClusterConfig.of((name) -> null, InClusterConfig.DEFAULT_SERVICE_ACCOUNT_DIR);
        if (empty && !fallback.isPossible()) {
            throw noConfiguration(rules.loadingPrecedence(), inClusterFallback);
        }
        if (empty) {
            return inClusterOnly();
        }
        ClientConfig clientConfig = Clientcmd.newNonInteractiveDeferredLoadingClientConfig(() -> raw, overrides,
                fallback);
        RestConfig rest;
        String namespace;
        try {
            rest = clientConfig.clientConfig();
            namespace = clientConfig.namespace().name();
        } catch (ConfigurationInvalidException e) {
            throw new KubeClientConfigurationException(filesProperty, e.getMessage(),
                    "Fix the kubeconfig, or choose another context with kube.client.context.", e);
        } catch (ConfigException e) {
            throw new KubeClientConfigurationException(e.field().map((f) -> "kube.client." + f).orElse(filesProperty),
                    e.getMessage(), "Fix the kubeconfig or the kube.client.* properties.", e);
        }
        String context = (this.properties.getContext() != null) ? this.properties.getContext() : raw.currentContext();
        return new Resolved(rest, namespace, context.isEmpty() ? null : context);
    }

    private List<Path> explicitKubeconfigs() {
        List<Path> files = new ArrayList<>();
        List<String> configured = this.properties.getKubeconfig();
        for (int i = 0; i < configured.size(); i++) {
            String value = configured.get(i);
            String property = "kube.client.kubeconfig[" + i + "]";
            if (value == null || value.isBlank()) {
                throw new KubeClientConfigurationException(property, "empty path",
                        "Remove the empty entry from kube.client.kubeconfig.", null);
            }
            Path file = Path.of(value.strip());
            if (!Files.exists(file)) {
                throw new KubeClientConfigurationException(property, "kubeconfig file " + file + " does not exist",
                        "Point kube.client.kubeconfig at an existing kubeconfig file.", null);
            }
            if (Files.isDirectory(file)) {
                throw new KubeClientConfigurationException(property, file + " is a directory, not a kubeconfig file",
                        "Point kube.client.kubeconfig at a kubeconfig file.", null);
            }
            files.add(file);
        }
        return files;
    }

    private void checkNames(Config raw, String filesProperty, List<Path> files) {
        check("kube.client.context", this.properties.getContext(), raw.contexts(), "context", files);
        check("kube.client.cluster", this.properties.getCluster(), raw.clusters(), "cluster", files);
        check("kube.client.user", this.properties.getUser(), raw.authInfos(), "user", files);
    }

    private static void check(String property, String name, Map<String, ?> entries, String what, List<Path> files) {
        if (name != null && !name.isEmpty() && !entries.containsKey(name)) {
            throw new KubeClientConfigurationException(property, what + " \"" + name + "\" is not in the kubeconfig "
                    + files + " (it has " + entries.keySet() + ")", "Set " + property + " to one of " + entries.keySet()
                            + " or leave it unset.", null);
        }
    }

    private static boolean isEmpty(Config raw, ConfigOverrides overrides) {
        try {
            Clientcmd.newNonInteractiveClientConfig(raw, overrides.currentContext(), overrides).clientConfig();
            return false;
        } catch (ConfigurationInvalidException e) {
            return e.isEmptyConfig();
        } catch (ConfigException e) {
            return false;
        }
    }

    private ConfigOverrides overrides() {
        KubeClientProperties p = this.properties;
        Cluster.Builder cluster = Cluster.builder();
        if (p.getMasterUrl() != null) {
            cluster.server(masterUrl());
        }
        if (Boolean.TRUE.equals(p.getInsecureSkipTlsVerify())) {
            cluster.insecureSkipTlsVerify(true);
        }
        if (p.getCertificateAuthority() != null) {
            cluster.certificateAuthority(p.getCertificateAuthority());
        }
        if (p.getTlsServerName() != null) {
            cluster.tlsServerName(p.getTlsServerName());
        }
        AuthInfo.Builder user = AuthInfo.builder();
        if (p.getToken() != null) {
            user.token(p.getToken());
        }
        if (p.getTokenFile() != null) {
            user.tokenFile(p.getTokenFile());
        }
        KubeClientProperties.Impersonate imp = p.getImpersonate();
        if (imp.getUser() != null) {
            user.impersonate(imp.getUser());
        }
        if (imp.getUid() != null) {
            user.impersonateUid(imp.getUid());
        }
        if (!imp.getGroups().isEmpty()) {
            user.impersonateGroups(imp.getGroups());
        }
        if (!imp.getExtra().isEmpty()) {
            user.impersonateUserExtra(imp.getExtra());
        }
        return ConfigOverrides.builder()
                .currentContext(p.getContext())
                .context(Context.of(nz(p.getCluster()), nz(p.getUser()), nz(p.getNamespace())))
                .clusterInfo(cluster.build())
                .authInfo(user.build())
                .build();
    }

    // ---- in-cluster

    private Resolved inClusterOnly() {
        checkCommonPaths();
        RestConfig base;
        try {
            base = this.inCluster.restConfig();
        } catch (io.kubeclient.rest.NotInClusterException e) {
            throw new NoKubeConfigurationException("kube.client.mode is in-cluster but the application is not running "
                    + "in a Kubernetes pod: " + e.getMessage(), List.of("in-cluster service account"));
        } catch (ConfigException e) {
            throw new KubeClientConfigurationException("kube.client.mode",
                    "unable to use the in-cluster service account: " + e.getMessage(),
                    "Mount a service-account token, or use a kubeconfig (kube.client.mode=kubeconfig).", e);
        }
        KubeClientProperties p = this.properties;
        RestConfig.Builder b = base.toBuilder();
        if (p.getMasterUrl() != null) {
            b.host(masterUrl());
        }
        if (p.getToken() != null || p.getTokenFile() != null) {
            b.bearerToken(p.getToken()).bearerTokenFile((p.getTokenFile() != null) ? Path.of(p.getTokenFile()) : null);
            if (p.getToken() == null) {
                b.bearerToken(readToken(p.getTokenFile()));
            }
        }
        if (p.getCertificateAuthority() != null) {
            b.caFile(Path.of(p.getCertificateAuthority())).caData(null).insecure(false);
        }
        if (Boolean.TRUE.equals(p.getInsecureSkipTlsVerify())) {
            b.insecure(true).caFile(null).caData(null);
        }
        if (p.getTlsServerName() != null) {
            b.serverName(p.getTlsServerName());
        }
        KubeClientProperties.Impersonate imp = p.getImpersonate();
        if (imp.getUser() != null) {
            b.impersonation(new ImpersonationConfig(imp.getUser(), nz(imp.getUid()), imp.getGroups(), imp.getExtra()));
        }
        else if (imp.getUid() != null || !imp.getGroups().isEmpty() || !imp.getExtra().isEmpty()) {
            throw new KubeClientConfigurationException("kube.client.impersonate.user",
                    "uid, groups or extra are set without a user to impersonate", "Set kube.client.impersonate.user.",
                    null);
        }
        String namespace = (p.getNamespace() != null) ? p.getNamespace() : this.inCluster.namespace();
        return new Resolved(b.build(), namespace, IN_CLUSTER);
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new KubeClientConfigurationException("kube.client.token-file",
                    "unable to read token file " + file + ": " + e.getClass().getSimpleName(),
                    "Point kube.client.token-file at a readable file.", null);
        }
    }

    // ---- shared checks

    private void checkCommonPaths() {
        checkFile("kube.client.token-file", this.properties.getTokenFile());
        checkFile("kube.client.certificate-authority", this.properties.getCertificateAuthority());
        if (this.properties.getMasterUrl() != null) {
            masterUrl();
        }
        if (Boolean.TRUE.equals(this.properties.getInsecureSkipTlsVerify())
                && this.properties.getCertificateAuthority() != null) {
            throw new KubeClientConfigurationException("kube.client.insecure-skip-tls-verify",
                    "cannot be combined with kube.client.certificate-authority",
                    "Unset one of kube.client.insecure-skip-tls-verify and kube.client.certificate-authority.", null);
        }
    }

    private static void checkFile(String property, String file) {
        if (file != null && (file.isBlank() || !Files.isRegularFile(Path.of(file)))) {
            throw new KubeClientConfigurationException(property, "file " + file + " does not exist",
                    "Point " + property + " at an existing file.", null);
        }
    }

    private String masterUrl() {
        String url = this.properties.getMasterUrl().strip();
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
        } catch (URISyntaxException e) {
            throw new KubeClientConfigurationException("kube.client.master-url",
                    "\"" + redactUserInfo(url) + "\" is not a URL or host:port",
                    "Set it to the API server URL, such as https://10.0.0.1:6443.", null);
        }
        if (!redactUserInfo(url).equals(url)) {
            throw new KubeClientConfigurationException("kube.client.master-url",
                    "\"" + redactUserInfo(url) + "\" must not contain user info (credentials)",
                    "Remove user:password@ from the URL and set kube.client.token-file or use a kubeconfig.", null);
        }
        return url;
    }

    private NoKubeConfigurationException noConfiguration(List<Path> files, boolean inClusterChecked) {
        List<String> searched = new ArrayList<>();
        files.forEach((f) -> searched.add(f.toString()));
        if (inClusterChecked) {
            searched.add("in-cluster service account (KUBERNETES_SERVICE_HOST, KUBERNETES_SERVICE_PORT and "
                    + this.inCluster.tokenFile() + ")");
        }
        return new NoKubeConfigurationException("No Kubernetes client configuration found; looked at " + searched,
                searched);
    }

    /** {@code url} with any {@code user:password@} before the host replaced by a marker. */
    static String redactUserInfo(String url) {
        return url.replaceAll("(^|//)[^/]*@", "$1--- REDACTED ---@");
    }

    private static String nz(String s) {
        return (s != null) ? s : "";
    }

    @Override
    public String toString() {
        return "PropertiesKubeConnectionDetails{" + this.properties + "}";
    }
}
