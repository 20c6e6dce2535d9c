package io.kubeclient.clientcmd;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.ConfigurationInvalidException.Problem;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.clientcmd.api.ExecConfig;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.ServerUrls;
import io.kubeclient.transport.AuthProviderConfig;
import io.kubeclient.transport.ImpersonationConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link ClientConfig} over an already loaded kubeconfig: client-go's {@code DirectClientConfig}. */
final class DirectClientConfig implements ClientConfig {

    static final String EXEC_CLUSTER_EXTENSION = "client.authentication.k8s.io/exec";

    private final Config config;
    private final String contextName;
    private final ConfigOverrides overrides;

    DirectClientConfig(Config config, String contextName, ConfigOverrides overrides) {
        this.config = config;
        this.contextName = contextName == null ? "" : contextName;
        this.overrides = overrides == null ? ConfigOverrides.NONE : overrides;
    }

    @Override
    public Config rawConfig() {
        return config;
    }

    @Override
    public RestConfig clientConfig() {
        AuthInfo user = authInfo();
        Cluster cluster = cluster();
        confirmUsable();
        String userName = authInfoName();
        String clusterName = clusterName();

        RestConfig.Builder b = RestConfig.builder().host(stripQueryAndFragment(cluster.server()));
        if (!cluster.proxyUrl().isEmpty()) {
            b.proxyUrl(parseProxyUrl(cluster.proxyUrl()));
        }
        b.disableCompression(cluster.disableCompression());
        if (!overrides.timeout().isEmpty()) {
            Duration timeout;
            try {
                timeout = Timeouts.parse(overrides.timeout());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), null, "request-timeout", null);
            }
            if (!timeout.isZero()) {
                b.timeout(timeout);
            }
        }
        if (!user.impersonate().isEmpty()) {
            b.impersonation(impersonation(user));
        }
        // Credentials and server identity are only used when the connection is TLS.
        if (ServerUrls.isConfigTransportTls(b.build())) {
            applyUserIdentity(b, user, userName, cluster);
            b.caFile(cluster.certificateAuthority().isEmpty() ? null : Path.of(cluster.certificateAuthority()))
                    .caData(cluster.certificateAuthorityData())
                    .insecure(cluster.insecureSkipTlsVerify())
                    .serverName(cluster.tlsServerName());
        }
        return b.build();
    }

    private void applyUserIdentity(RestConfig.Builder b, AuthInfo user, String userName, Cluster cluster) {
        Path origin = user.locationOfOrigin();
        if (!user.token().isEmpty()) {
            b.bearerToken(user.token()).bearerTokenFile(user.tokenFile().isEmpty() ? null : Path.of(user.tokenFile()));
        } else if (!user.tokenFile().isEmpty()) {
            Path tokenFile = Path.of(user.tokenFile());
            try {
                b.bearerToken(Files.readString(tokenFile, StandardCharsets.UTF_8)).bearerTokenFile(tokenFile);
            } catch (IOException e) {
                throw new ConfigException("unable to read tokenFile " + tokenFile + " for " + userName + " due to "
                        + ClientConfigLoadingRules.describe(e), origin, "users[" + userName + "].tokenFile", e);
            }
        }
        if (!user.impersonate().isEmpty()) {
            b.impersonation(impersonation(user));
        }
        if (!user.clientCertificate().isEmpty() || user.clientCertificateData() != null) {
            b.certFile(user.clientCertificate().isEmpty() ? null : Path.of(user.clientCertificate()))
                    .certData(user.clientCertificateData())
                    .keyFile(user.clientKey().isEmpty() ? null : Path.of(user.clientKey()))
                    .keyData(user.clientKeyData());
        }
        if (!user.username().isEmpty() || !user.password().isEmpty()) {
            b.username(user.username()).password(user.password());
        }
        if (user.authProvider() != null) {
            b.authProvider(new AuthProviderConfig(user.authProvider().name(), user.authProvider().config()));
        }
        if (user.exec() != null) {
            b.execProvider(execConfig(user.exec(), userName, origin, cluster.extensions().get(EXEC_CLUSTER_EXTENSION)));
        }
    }

    static io.kubeclient.transport.ExecConfig execConfig(ExecConfig exec, String userName, Path origin, Object clusterExtension) {
        String field = "users[" + userName + "].exec";
        if (!exec.apiVersion().equals(KubeConfigCodec.EXEC_V1) && !exec.apiVersion().equals(KubeConfigCodec.EXEC_V1BETA1)) {
            throw new ConfigException("exec plugin: invalid apiVersion \"" + exec.apiVersion() + "\"", origin,
                    field + ".apiVersion", null);
        }
        io.kubeclient.transport.ExecConfig.InteractiveMode mode;
        try {
            mode = io.kubeclient.transport.ExecConfig.InteractiveMode.fromWireName(exec.interactiveMode());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), origin, field + ".interactiveMode", null);
        }
        List<io.kubeclient.transport.ExecConfig.EnvVar> env = new ArrayList<>();
        exec.env().forEach(v -> env.add(new io.kubeclient.transport.ExecConfig.EnvVar(v.name(), v.value())));
        return new io.kubeclient.transport.ExecConfig(exec.apiVersion(), exec.command(), exec.args(), env,
                cleanInstallHint(exec.installHint()), exec.provideClusterInfo(), mode, clusterExtension);
    }

    /** Replaces non-printable characters (other than whitespace controls) with their {@code U+} code point. */
    static String cleanInstallHint(String hint) {
        StringBuilder sb = new StringBuilder();
        hint.codePoints().forEach(cp -> {
            boolean spaceControl = cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
            int type = Character.getType(cp);
            boolean printable = !(type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || cp == 0xFFFD);
            if (printable || spaceControl) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format("U+%04X", cp));
            }
        });
        return sb.toString();
    }

    private static ImpersonationConfig impersonation(AuthInfo user) {
        return new ImpersonationConfig(user.impersonate(), user.impersonateUid(), user.impersonateGroups(),
                user.impersonateUserExtra());
    }

    /** An absolute URL with a path longer than "/" loses its query and fragment, as in client-go. */
    private static String stripQueryAndFragment(String host) {
        try {
            URI u = new URI(host);
            if (!u.isOpaque() && u.getRawPath() != null && u.getRawPath().length() > 1
                    && (u.getRawQuery() != null || u.getRawFragment() != null)) {
                return (u.getScheme() == null ? "" : u.getScheme() + ":")
                        + (u.getRawAuthority() == null ? "" : "//" + u.getRawAuthority()) + u.getRawPath();
            }
        } catch (URISyntaxException e) {
            // left as is; the REST client reports unusable hosts
        }
        return host;
    }

    private URI parseProxyUrl(String proxyUrl) {
        String error = proxyUrlError(proxyUrl);
        if (error != null) {
            Cluster c = config.clusters().get(clusterName());
            throw new ConfigException(invalidProxyMessage(proxyUrl, clusterName(), error),
                    c == null ? null : c.locationOfOrigin(), "clusters[" + clusterName() + "].proxy-url", null);
        }
        return URI.create(proxyUrl);
    }

    private static String proxyUrlError(String proxyUrl) {
        URI u;
        try {
            u = new URI(proxyUrl);
        } catch (URISyntaxException e) {
            return "could not parse: " + redact(proxyUrl);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("socks5")) {
            return "unsupported scheme \"" + scheme + "\", must be http, https, or socks5";
        }
        return null;
    }

    private static String invalidProxyMessage(String proxyUrl, String clusterName, String error) {
        return "invalid 'proxy-url' \"" + redact(proxyUrl) + "\" for cluster \"" + clusterName + "\": " + error;
    }

    private static String redact(String url) {
        return url.replaceAll("//[^/]*@", "//--- REDACTED ---@");
    }

    @Override
    public Namespace namespace() {
        if (!overrides.context().namespace().isEmpty()) {
            return new Namespace(overrides.context().namespace(), true);
        }
        confirmUsable();
        Context ctx = context();
        return new Namespace(ctx.namespace().isEmpty() ? "default" : ctx.namespace(), false);
    }

    // ---- selection ----

    private String contextNameInUse() {
        if (!overrides.currentContext().isEmpty()) {
            return overrides.currentContext();
        }
        return !contextName.isEmpty() ? contextName : config.currentContext();
    }

    private boolean contextRequired() {
        return !overrides.currentContext().isEmpty();
    }

    Context context() {
        String name = contextNameInUse();
        Context ctx = config.contexts().get(name);
        if (ctx == null) {
            if (contextRequired()) {
                throw new ConfigException("context \"" + name + "\" does not exist", null, "context", null);
            }
            ctx = Context.EMPTY;
        }
        Context o = overrides.context();
        return new Context(
                o.cluster().isEmpty() ? ctx.cluster() : o.cluster(),
                o.authInfo().isEmpty() ? ctx.authInfo() : o.authInfo(),
                o.namespace().isEmpty() ? ctx.namespace() : o.namespace(),
                mergeMaps(ctx.extensions(), o.extensions()),
                ctx.locationOfOrigin());
    }

    private String authInfoName() {
        return !overrides.context().authInfo().isEmpty() ? overrides.context().authInfo() : context().authInfo();
    }

    private String clusterName() {
        return !overrides.context().cluster().isEmpty() ? overrides.context().cluster() : context().cluster();
    }

    AuthInfo authInfo() {
        String name = authInfoName();
        AuthInfo fromFile = config.authInfos().get(name);
        if (fromFile == null) {
            if (!overrides.context().authInfo().isEmpty()) {
                throw new ConfigException("auth info \"" + name + "\" does not exist", null, "user", null);
            }
            fromFile = AuthInfo.EMPTY;
        }
        AuthInfo o = overrides.authInfo();
        AuthInfo.Builder b = mergeAuthInfo(fromFile, o).toBuilder();
        if (!o.clientKey().isEmpty() || o.clientKeyData() != null) {
            b.clientKey(o.clientKey()).clientKeyData(o.clientKeyData());
        }
        if (!o.clientCertificate().isEmpty() || o.clientCertificateData() != null) {
            b.clientCertificate(o.clientCertificate()).clientCertificateData(o.clientCertificateData());
        }
        return b.build();
    }

    Cluster cluster() {
        String name = clusterName();
        Cluster merged = overrides.clusterDefaults().toBuilder().locationOfOrigin(null).build();
        Cluster fromFile = config.clusters().get(name);
        if (fromFile != null) {
            merged = mergeCluster(merged, fromFile).toBuilder().locationOfOrigin(fromFile.locationOfOrigin()).build();
        } else if (!overrides.context().cluster().isEmpty()) {
            throw new ConfigException("cluster \"" + name + "\" does not exist", null, "cluster", null);
        }
        Cluster o = overrides.clusterInfo();
        Cluster.Builder b = mergeCluster(merged, o).toBuilder().locationOfOrigin(merged.locationOfOrigin());
        if (o.insecureSkipTlsVerify() || !o.certificateAuthority().isEmpty() || o.certificateAuthorityData() != null) {
            b.insecureSkipTlsVerify(o.insecureSkipTlsVerify())
                    .certificateAuthority(o.certificateAuthority())
                    .certificateAuthorityData(o.certificateAuthorityData());
        }
        if (!o.tlsServerName().isEmpty() || !o.server().isEmpty()) {
            b.tlsServerName(o.tlsServerName());
        }
        return b.build();
    }

    /** Fields of {@code over} that are non-empty replace those of {@code base}; maps merge by key. */
    static Cluster mergeCluster(Cluster base, Cluster over) {
        Cluster.Builder b = base.toBuilder();
        if (!over.server().isEmpty()) {
            b.server(over.server());
        }
        if (!over.tlsServerName().isEmpty()) {
            b.tlsServerName(over.tlsServerName());
        }
        if (over.insecureSkipTlsVerify()) {
            b.insecureSkipTlsVerify(true);
        }
        if (!over.certificateAuthority().isEmpty()) {
            b.certificateAuthority(over.certificateAuthority());
        }
        if (over.certificateAuthorityData() != null) {
            b.certificateAuthorityData(over.certificateAuthorityData());
        }
        if (!over.proxyUrl().isEmpty()) {
            b.proxyUrl(over.proxyUrl());
        }
        if (over.disableCompression()) {
            b.disableCompression(true);
        }
        b.extensions(mergeMaps(base.extensions(), over.extensions()));
        return b.build();
    }

    static AuthInfo mergeAuthInfo(AuthInfo base, AuthInfo over) {
        AuthInfo.Builder b = base.toBuilder();
        if (!over.clientCertificate().isEmpty()) {
            b.clientCertificate(over.clientCertificate());
        }
        if (over.clientCertificateData() != null) {
            b.clientCertificateData(over.clientCertificateData());
        }
        if (!over.clientKey().isEmpty()) {
            b.clientKey(over.clientKey());
        }
        if (over.clientKeyData() != null) {
            b.clientKeyData(over.clientKeyData());
        }
        if (!over.token().isEmpty()) {
            b.token(over.token());
        }
        if (!over.tokenFile().isEmpty()) {
            b.tokenFile(over.tokenFile());
        }
        if (!over.impersonate().isEmpty()) {
            b.impersonate(over.impersonate());
        }
        if (!over.impersonateUid().isEmpty()) {
            b.impersonateUid(over.impersonateUid());
        }
        if (!over.impersonateGroups().isEmpty()) {
            b.impersonateGroups(over.impersonateGroups());
        }
        if (!over.impersonateUserExtra().isEmpty()) {
            b.impersonateUserExtra(mergeMaps(base.impersonateUserExtra(), over.impersonateUserExtra()));
        }
        if (!over.username().isEmpty()) {
            b.username(over.username());
        }
        if (!over.password().isEmpty()) {
            b.password(over.password());
        }
        if (over.authProvider() != null) {
            b.authProvider(over.authProvider());
        }
        if (over.exec() != null) {
            b.exec(over.exec());
        }
        b.extensions(mergeMaps(base.extensions(), over.extensions()));
        return b.build();
    }

    private static <V> Map<String, V> mergeMaps(Map<String, V> base, Map<String, V> over) {
        if (over.isEmpty()) {
            return base;
        }
        Map<String, V> m = new LinkedHashMap<>(base);
        m.putAll(over);
        return m;
    }

    // ---- validation ----

    /** client-go's {@code ConfirmUsable}: every problem of the selected context, user and cluster. */
    void confirmUsable() {
        List<Problem> problems = new ArrayList<>();
        boolean contextNotFound = false;
        String ctxName = !contextName.isEmpty() ? contextName : config.currentContext();
        if (!ctxName.isEmpty() && !config.contexts().containsKey(ctxName)) {
            problems.add(new Problem("context was not found for specified context: " + ctxName, null, "current-context"));
            contextNotFound = true;
        }
        validateAuthInfo(authInfoName(), authInfo(), problems);
        String clusterName = clusterName();
        Cluster cluster = cluster();
        if (cluster.isEmpty()) {
            if (problems.isEmpty()) {
                throw ConfigurationInvalidException.emptyConfig();
            }
            problems.add(new Problem("cluster has no server defined", null, "clusters[" + clusterName + "]"));
        } else {
            validateCluster(clusterName, cluster, problems);
        }
        if (!problems.isEmpty()) {
            Set<Problem> unique = new LinkedHashSet<>(problems);
            throw new ConfigurationInvalidException(new ArrayList<>(unique), false, contextNotFound);
        }
    }

    private static void validateCluster(String name, Cluster c, List<Problem> problems) {
        Path file = c.locationOfOrigin();
        String f = "clusters[" + name + "]";
        if (c.server().isEmpty()) {
            problems.add(new Problem(name.isEmpty() ? "default cluster has no server defined"
                    : "no server found for cluster \"" + name + "\"", file, f + ".server"));
        }
        if (!c.proxyUrl().isEmpty()) {
            String error = proxyUrlError(c.proxyUrl());
            if (error != null) {
                problems.add(new Problem(invalidProxyMessage(c.proxyUrl(), name, error), file, f + ".proxy-url"));
            }
        }
        boolean hasCaFile = !c.certificateAuthority().isEmpty();
        boolean hasCaData = c.certificateAuthorityData() != null;
        if (hasCaFile && hasCaData) {
            problems.add(new Problem("certificate-authority-data and certificate-authority are both specified for " + name
                    + ". certificate-authority-data will override.", file, f + ".certificate-authority"));
        }
        if (c.insecureSkipTlsVerify() && (hasCaFile || hasCaData)) {
            problems.add(new Problem("specifying a root certificates file with the insecure flag is not allowed", file,
                    f + ".insecure-skip-tls-verify"));
        }
        if (hasCaFile) {
            checkReadable(c.certificateAuthority(), "certificate-authority", name, file, f + ".certificate-authority", problems);
        }
    }

    private static void validateAuthInfo(String name, AuthInfo a, List<Problem> problems) {
        Path file = a.locationOfOrigin();
        String f = "users[" + name + "]";
        List<String> methods = new ArrayList<>();
        if (!a.token().isEmpty()) {
            methods.add("token");
        }
        if (!a.username().isEmpty() || !a.password().isEmpty()) {
            methods.add("basicAuth");
        }
        boolean hasCert = !a.clientCertificate().isEmpty() || a.clientCertificateData() != null;
        if (hasCert) {
            if (!a.clientCertificate().isEmpty() && a.clientCertificateData() != null) {
                problems.add(new Problem("client-cert-data and client-cert are both specified for " + name
                        + ". client-cert-data will override.", file, f + ".client-certificate"));
            }
            if (!a.clientKey().isEmpty() && a.clientKeyData() != null) {
                problems.add(new Problem("client-key-data and client-key are both specified for " + name
                        + "; client-key-data will override", file, f + ".client-key"));
            }
            if (a.clientKey().isEmpty() && a.clientKeyData() == null) {
                problems.add(new Problem("client-key-data or client-key must be specified for " + name
                        + " to use the clientCert authentication method.", file, f + ".client-key"));
            }
            if (!a.clientCertificate().isEmpty()) {
                checkReadable(a.clientCertificate(), "client-cert", name, file, f + ".client-certificate", problems);
            }
            if (!a.clientKey().isEmpty()) {
                checkReadable(a.clientKey(), "client-key", name, file, f + ".client-key", problems);
            }
        }
        ExecConfig exec = a.exec();
        if (exec != null) {
            String e = f + ".exec";
            if (a.authProvider() != null) {
                problems.add(new Problem("authProvider cannot be provided in combination with an exec plugin for " + name,
                        file, f + ".auth-provider"));
            }
            if (exec.command().isEmpty()) {
                problems.add(new Problem("command must be specified for " + name + " to use exec authentication plugin",
                        file, e + ".command"));
            }
            if (exec.apiVersion().isEmpty()) {
                problems.add(new Problem("apiVersion must be specified for " + name + " to use exec authentication plugin",
                        file, e + ".apiVersion"));
            }
            for (ExecConfig.EnvVar v : exec.env()) {
                if (v.name().isEmpty()) {
                    problems.add(new Problem("env variable name must be specified for " + name
                            + " to use exec authentication plugin", file, e + ".env"));
                }
            }
            switch (exec.interactiveMode()) {
                case "" -> problems.add(new Problem("interactiveMode must be specified for " + name
                        + " to use exec authentication plugin", file, e + ".interactiveMode"));
                case "Never", "IfAvailable", "Always" -> { }
                default -> problems.add(new Problem("invalid interactiveMode for " + name + ": \"" + exec.interactiveMode()
                        + "\"", file, e + ".interactiveMode"));
            }
        }
        if (methods.size() > 1) {
            problems.add(new Problem("more than one authentication method found for " + name + "; found "
                    + methods.toString().replace(",", "") + ", only one is allowed", file, f));
        }
        if ((!a.impersonateUid().isEmpty() || !a.impersonateGroups().isEmpty() || !a.impersonateUserExtra().isEmpty())
                && a.impersonate().isEmpty()) {
            problems.add(new Problem("requesting uid, groups or user-extra for " + name + " without impersonating a user",
                    file, f + ".as"));
        }
    }

    private static void checkReadable(String path, String what, String owner, Path file, String field, List<Problem> problems) {
        Path p = Path.of(path);
        try {
            if (Files.isDirectory(p)) {
                throw new IOException("is a directory");
            }
            Files.newInputStream(p).close();
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().equals("is a directory") ? "is a directory"
                    : ClientConfigLoadingRules.describe(e);
            problems.add(new Problem("unable to read " + what + " " + path + " for " + owner + " due to " + reason, file, field));
        }
    }
}
