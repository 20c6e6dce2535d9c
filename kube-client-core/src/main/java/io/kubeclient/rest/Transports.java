package io.kubeclient.rest;

import io.kubeclient.ConfigException;
import io.kubeclient.transport.AuthProviders;
import io.kubeclient.transport.AuthTransports;
import io.kubeclient.transport.ClientCertificateSource;
import io.kubeclient.transport.ExecAuthenticator;
import io.kubeclient.transport.ExecConfig;
import io.kubeclient.transport.HttpTransport;
import io.kubeclient.transport.JdkHttpTransport;
import io.kubeclient.transport.ProxyConfig;
import io.kubeclient.transport.TlsConfig;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a {@link RestConfig} into an authenticated {@link HttpTransport}, as client-go's
 * {@code rest.TransportFor}.
 *
 * <p>The TLS/proxy level (an {@link JdkHttpTransport} and its connection pool) is cached
 * process-wide per distinct TLS, proxy and compression settings, so configs that differ only in
 * credentials share connections. Credentials are layered on top in client-go's order, innermost
 * first: exec plugin or auth provider, bearer token or basic auth, User-Agent, impersonation.
 * Closing a returned transport does not close the shared pool.
 */
public final class Transports {

    private static final ConcurrentHashMap<BaseKey, JdkHttpTransport> BASES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<ExecKey, ExecAuthenticator> EXEC_AUTHENTICATORS = new ConcurrentHashMap<>();

    private Transports() {}

    /**
     * Builds (or reuses) the transport for a config.
     *
     * @throws ConfigException for contradictory or unusable settings, with client-go's messages:
     *     basic auth with a bearer token, an exec plugin with an auth provider, a CA with the
     *     insecure flag, unreadable or malformed certificates, keys or token files, unsupported
     *     proxies or auth providers
     */
    public static HttpTransport forConfig(RestConfig config) {
        return forConfig(config, System::getenv, Clock.systemUTC());
    }

    static HttpTransport forConfig(RestConfig config, Function<String, String> env, Clock clock) {
        Objects.requireNonNull(config, "config");
        if (config.hasBasicAuth() && config.hasTokenAuth()) {
            throw new ConfigException("username/password or bearer token may be set, but not both");
        }
        if (config.execProvider() != null && config.authProvider() != null) {
            throw new ConfigException("execProvider and authProvider cannot be used in combination");
        }
        if (config.insecure() && config.hasCA()) {
            throw new ConfigException("specifying a root certificates file with the insecure flag is not allowed",
                    config.caFile(), "insecure", null);
        }
        TlsConfig tls = tlsConfig(config);
        ProxyConfig proxy = config.proxyDisabled() ? ProxyConfig.none()
                : config.proxyUrl() != null ? ProxyConfig.of(config.proxyUrl()) : ProxyConfig.fromEnvironment(env);

        // client-go skips the plugin when the config already carries credentials.
        boolean useExec = config.execProvider() != null && !config.hasTokenAuth() && !config.hasBasicAuth()
                && !config.hasCertAuth();
        ExecAuthenticator exec = useExec ? execAuthenticator(config, clock) : null;

        HttpTransport t = new Shared(base(new BaseKey(tls, proxy, config.disableCompression(), exec, config.connectTimeout())));
        if (exec != null) {
            t = exec.wrap(t);
        } else if (config.authProvider() != null) {
            t = AuthProviders.wrap(t, config.authProvider(), clock);
        }
        if (config.hasTokenAuth()) {
            t = AuthTransports.bearerToken(t, config.bearerToken(), config.bearerTokenFile(), clock);
        } else if (config.hasBasicAuth()) {
            t = AuthTransports.basicAuth(t, config.username(), config.password());
        }
        t = AuthTransports.userAgent(t, config.userAgent().isEmpty() ? AuthTransports.defaultUserAgent() : config.userAgent());
        return AuthTransports.impersonation(t, config.impersonation());
    }

    static TlsConfig tlsConfig(RestConfig c) {
        return TlsConfig.builder()
                .insecure(c.insecure())
                .serverName(c.serverName())
                .caFile(c.caFile())
                .caData(c.caData())
                .certFile(c.certFile())
                .certData(c.certData())
                .keyFile(c.keyFile())
                .keyData(c.keyData())
                .nextProtos(c.nextProtos())
                .build();
    }

    private static JdkHttpTransport base(BaseKey key) {
        JdkHttpTransport existing = BASES.get(key);
        if (existing != null) {
            return existing;
        }
        // Built outside computeIfAbsent: construction reads files and may throw.
        JdkHttpTransport.Builder builder = JdkHttpTransport.builder();
        if (key.connectTimeout() != null) {
            builder.connectTimeout(key.connectTimeout());
        }
        JdkHttpTransport built = builder
                .tls(key.tls())
                .proxy(key.proxy())
                .disableCompression(key.disableCompression())
                .clientCertificates(key.certificates())
                .build();
        JdkHttpTransport raced = BASES.putIfAbsent(key, built);
        if (raced != null) {
            built.close();
            return raced;
        }
        return built;
    }

    private static ExecAuthenticator execAuthenticator(RestConfig c, Clock clock) {
        ExecConfig exec = c.execProvider();
        byte[] ca = c.caData();
        if ((ca == null || ca.length == 0) && c.caFile() != null && exec.provideClusterInfo()) {
            try {
                ca = Files.readAllBytes(c.caFile());
            } catch (IOException e) {
                throw new ConfigException("unable to read caFile: " + e.getClass().getSimpleName(), c.caFile(), "caFile", null);
            }
        }
        String proxyUrl = c.proxyUrl() == null ? "" : c.proxyUrl().toString();
        ExecKey key = new ExecKey(exec, c.host(), c.serverName(), c.insecure(),
                ca == null ? "" : Base64.getEncoder().encodeToString(ca), proxyUrl, c.disableCompression(), clock);
        byte[] caData = ca;
        return EXEC_AUTHENTICATORS.computeIfAbsent(key, k -> ExecAuthenticator.builder(exec)
                .cluster(new ExecAuthenticator.Cluster(c.host(), c.serverName(), c.insecure(), caData, proxyUrl,
                        c.disableCompression(), exec.clusterExtension()))
                .clock(clock)
                .build());
    }

    /** Clears the caches; for tests. */
    static void clearCaches() {
        BASES.values().forEach(JdkHttpTransport::close);
        BASES.clear();
        EXEC_AUTHENTICATORS.clear();
    }

    static int cachedBaseCount() {
        return BASES.size();
    }

    /**
     * The cache key of the TLS/proxy level. Its equals and hashCode are written out: a record's
     * generated ones are bootstrapped through method handles on first use, which cost a Spring Boot
     * application a few milliseconds at start.
     */
    private record BaseKey(TlsConfig tls, ProxyConfig proxy, boolean disableCompression, ClientCertificateSource certificates,
            java.time.Duration connectTimeout) {

        @Override
        public boolean equals(Object o) {
            return o instanceof BaseKey k && tls.equals(k.tls) && proxy.equals(k.proxy)
                    && disableCompression == k.disableCompression && Objects.equals(certificates, k.certificates)
                    && Objects.equals(connectTimeout, k.connectTimeout);
        }

        @Override
        public int hashCode() {
            int h = tls.hashCode();
            h = 31 * h + proxy.hashCode();
            h = 31 * h + Boolean.hashCode(disableCompression);
            h = 31 * h + Objects.hashCode(certificates);
            return 31 * h + Objects.hashCode(connectTimeout);
        }
    }

    /**
     * The cache key of exec authenticators: client-go caches them per exec config and cluster.
     * Equals and hashCode written out, as {@link BaseKey}'s: an application builds this key at start.
     */
    private record ExecKey(ExecConfig exec, String server, String serverName, boolean insecure, String caData,
            String proxyUrl, boolean disableCompression, Clock clock) {

        @Override
        public boolean equals(Object o) {
            return o instanceof ExecKey k && exec.equals(k.exec) && Objects.equals(server, k.server)
                    && Objects.equals(serverName, k.serverName) && insecure == k.insecure
                    && Objects.equals(caData, k.caData) && Objects.equals(proxyUrl, k.proxyUrl)
                    && disableCompression == k.disableCompression && Objects.equals(clock, k.clock);
        }

        @Override
        public int hashCode() {
            int h = exec.hashCode();
            h = 31 * h + Objects.hashCode(server);
            h = 31 * h + Objects.hashCode(serverName);
            h = 31 * h + Boolean.hashCode(insecure);
            h = 31 * h + Objects.hashCode(caData);
            h = 31 * h + Objects.hashCode(proxyUrl);
            h = 31 * h + Boolean.hashCode(disableCompression);
            return 31 * h + Objects.hashCode(clock);
        }
    }

    /** A view of a shared transport whose {@code close()} leaves the pool open. */
    private record Shared(HttpTransport delegate) implements HttpTransport {
        @Override
        public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
            return delegate.send(request);
        }

        @Override
        public void close() {}
    }
}
