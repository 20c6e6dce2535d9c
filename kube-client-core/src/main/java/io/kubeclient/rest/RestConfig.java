package io.kubeclient.rest;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.metrics.ClientMetrics;
import io.kubeclient.transport.AuthProviderConfig;
import io.kubeclient.transport.ExecConfig;
import io.kubeclient.transport.ImpersonationConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to talk to one API server: the Java form of client-go's {@code rest.Config}.
 *
 * <p>Immutable; derive changed copies with {@link #toBuilder()}. Build one by hand, from a
 * kubeconfig ({@code io.kubeclient.clientcmd.Clientcmd}) or with {@code InClusterConfig}.
 * Contradictory settings (basic auth with a bearer token, a CA with the insecure flag, an exec
 * plugin with an auth provider) are rejected when a client is built from the config, with
 * client-go's messages. {@link #toString()} never prints a secret.
 */
public final class RestConfig {

    /** client-go's {@code DefaultQPS}. */
    public static final float DEFAULT_QPS = 5.0f;
    /** client-go's {@code DefaultBurst}. */
    public static final int DEFAULT_BURST = 10;
    /** client-go's default number of retries of a request the server asked to retry. */
    public static final int DEFAULT_MAX_RETRIES = 10;

    private final String host;
    private final String apiPath;
    private final GroupVersion groupVersion;
    private final String contentType;
    private final String acceptContentTypes;

    private final String username;
    private final String password;
    private final String bearerToken;
    private final Path bearerTokenFile;
    private final ImpersonationConfig impersonation;
    private final AuthProviderConfig authProvider;
    private final ExecConfig execProvider;

    private final boolean insecure;
    private final String serverName;
    private final Path caFile;
    private final byte[] caData;
    private final Path certFile;
    private final byte[] certData;
    private final Path keyFile;
    private final byte[] keyData;
    private final List<String> nextProtos;

    private final String userAgent;
    private final float qps;
    private final int burst;
    private final RateLimiter rateLimiter;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int maxRetries;
    private final URI proxyUrl;
    private final boolean proxyDisabled;
    private final boolean disableCompression;
    private final WarningHandler warningHandler;
    private final ClientMetrics metrics;

    private RestConfig(Builder b) {
        this.host = b.host;
        this.apiPath = b.apiPath;
        this.groupVersion = b.groupVersion;
        this.contentType = b.contentType;
        this.acceptContentTypes = b.acceptContentTypes;
        this.username = b.username;
        this.password = b.password;
        this.bearerToken = b.bearerToken;
        this.bearerTokenFile = b.bearerTokenFile;
        this.impersonation = b.impersonation;
        this.authProvider = b.authProvider;
        this.execProvider = b.execProvider;
        this.insecure = b.insecure;
        this.serverName = b.serverName;
        this.caFile = b.caFile;
        this.caData = copy(b.caData);
        this.certFile = b.certFile;
        this.certData = copy(b.certData);
        this.keyFile = b.keyFile;
        this.keyData = copy(b.keyData);
        this.nextProtos = List.copyOf(b.nextProtos);
        this.userAgent = b.userAgent;
        this.qps = b.qps;
        this.burst = b.burst;
        this.rateLimiter = b.rateLimiter;
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.maxRetries = b.maxRetries;
        this.proxyUrl = b.proxyUrl;
        this.proxyDisabled = b.proxyDisabled;
        this.disableCompression = b.disableCompression;
        this.warningHandler = b.warningHandler;
        this.metrics = b.metrics;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with only the non-credential settings, as client-go's {@code AnonymousClientConfig}:
     * no basic auth, tokens, client certificates, exec or auth providers, or impersonation.
     */
    public RestConfig anonymous() {
        Builder b = new Builder();
        b.host = host;
        b.apiPath = apiPath;
        b.groupVersion = groupVersion;
        b.contentType = contentType;
        b.acceptContentTypes = acceptContentTypes;
        b.insecure = insecure;
        b.serverName = serverName;
        b.caFile = caFile;
        b.caData = caData;
        b.nextProtos = new ArrayList<>(nextProtos);
        b.rateLimiter = rateLimiter;
        b.warningHandler = warningHandler;
        b.metrics = metrics;
        b.userAgent = userAgent;
        b.disableCompression = disableCompression;
        b.qps = qps;
        b.burst = burst;
        b.timeout = timeout;
        b.connectTimeout = connectTimeout;
        b.maxRetries = maxRetries;
        b.proxyUrl = proxyUrl;
        b.proxyDisabled = proxyDisabled;
        return b.build();
    }

    /** {@code host}, {@code host:port} or a URL, possibly with a path prefix; empty means localhost. */
    public String host() {
        return host;
    }

    /** The API root such as {@code /api} or {@code /apis}; may be empty. */
    public String apiPath() {
        return apiPath;
    }

    /** The group/version a REST client built from this config talks to, or {@code null}. */
    public GroupVersion groupVersion() {
        return groupVersion;
    }

    /** The wire content type; empty means {@code application/json}. */
    public String contentType() {
        return contentType;
    }

    /** The Accept header; empty means derived from the content type. */
    public String acceptContentTypes() {
        return acceptContentTypes;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String bearerToken() {
        return bearerToken;
    }

    /** A file holding the bearer token, re-read about once a minute; or {@code null}. */
    public Path bearerTokenFile() {
        return bearerTokenFile;
    }

    public ImpersonationConfig impersonation() {
        return impersonation;
    }

    /** The legacy auth provider, or {@code null}. */
    public AuthProviderConfig authProvider() {
        return authProvider;
    }

    /** The exec credential plugin, or {@code null}. */
    public ExecConfig execProvider() {
        return execProvider;
    }

    /** Whether server certificate verification is switched off. Never defaults to true. */
    public boolean insecure() {
        return insecure;
    }

    /** The name used for SNI and checked in the server certificate; empty means the dialled host. */
    public String serverName() {
        return serverName;
    }

    public Path caFile() {
        return caFile;
    }

    /** PEM CA certificates; takes precedence over {@link #caFile()}. A copy. */
    public byte[] caData() {
        return copy(caData);
    }

    public Path certFile() {
        return certFile;
    }

    /** PEM client certificate (chain); takes precedence over {@link #certFile()}. A copy. */
    public byte[] certData() {
        return copy(certData);
    }

    public Path keyFile() {
        return keyFile;
    }

    /** PEM client key; takes precedence over {@link #keyFile()}. A copy. */
    public byte[] keyData() {
        return copy(keyData);
    }

    /** ALPN protocols; {@code [http/1.1]} forces HTTP/1.1. Empty means negotiate. */
    public List<String> nextProtos() {
        return nextProtos;
    }

    /** The User-Agent header; empty means the default. */
    public String userAgent() {
        return userAgent;
    }

    /** Requests per second: 0 means {@link #DEFAULT_QPS}, negative means no limiter. */
    public float qps() {
        return qps;
    }

    /** Burst: 0 means {@link #DEFAULT_BURST}. */
    public int burst() {
        return burst;
    }

    /** A limiter to use as is, ignoring qps and burst; or {@code null}. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The timeout of each request; {@code null} or zero means none. */
    public Duration timeout() {
        return timeout;
    }

    /** The timeout for establishing a connection; {@code null} means the transport's default (30 seconds). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How many times a request is retried after the first attempt when the server asks for it
     * (429 or 5xx with {@code Retry-After}) or a GET's connection breaks; defaults to
     * {@link #DEFAULT_MAX_RETRIES}. A single request may change it with {@code Request.maxRetries}.
     */
    public int maxRetries() {
        return maxRetries;
    }

    /** An explicit proxy, or {@code null} for the environment's (unless {@link #proxyDisabled()}). */
    public URI proxyUrl() {
        return proxyUrl;
    }

    /** Whether every proxy, including the environment's, is bypassed. */
    public boolean proxyDisabled() {
        return proxyDisabled;
    }

    public boolean disableCompression() {
        return disableCompression;
    }

    /** The per-client warning handler, or {@code null} for the process-wide default. */
    public WarningHandler warningHandler() {
        return warningHandler;
    }

    /**
     * The listener that receives this config's clients' request, retry and rate-limiter hooks, or
     * {@code null} for the process-wide one ({@link ClientMetrics#global()}).
     */
    public ClientMetrics metrics() {
        return metrics;
    }

    /** Whether basic auth is configured, which client-go decides by a non-empty user name. */
    public boolean hasBasicAuth() {
        return !username.isEmpty();
    }

    /** Whether a bearer token or token file is configured. */
    public boolean hasTokenAuth() {
        return !bearerToken.isEmpty() || bearerTokenFile != null;
    }

    /** Whether a client certificate is configured (data or file). */
    public boolean hasCertAuth() {
        return (certData != null && certData.length > 0) || certFile != null;
    }

    /** Whether any CA is configured (data or file). */
    public boolean hasCA() {
        return (caData != null && caData.length > 0) || caFile != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RestConfig{host=").append(ServerUrls.redactUserInfo(host));
        if (!apiPath.isEmpty()) {
            sb.append(", apiPath=").append(apiPath);
        }
        if (groupVersion != null) {
            sb.append(", groupVersion=").append(groupVersion);
        }
        if (!username.isEmpty()) {
            sb.append(", username=").append(username);
        }
        if (!password.isEmpty()) {
            sb.append(", password=" + REDACTED);
        }
        if (!bearerToken.isEmpty()) {
            sb.append(", bearerToken=" + REDACTED);
        }
        if (bearerTokenFile != null) {
            sb.append(", bearerTokenFile=").append(bearerTokenFile);
        }
        if (!impersonation.isEmpty()) {
            sb.append(", impersonate=").append(impersonation.userName());
        }
        if (authProvider != null) {
            sb.append(", authProvider=").append(authProvider.name());
        }
        if (execProvider != null) {
            sb.append(", execProvider=").append(execProvider);
        }
        if (insecure) {
            sb.append(", insecure=true");
        }
        if (!serverName.isEmpty()) {
            sb.append(", serverName=").append(serverName);
        }
        if (caFile != null) {
            sb.append(", caFile=").append(caFile);
        }
        if (caData != null && caData.length > 0) {
            sb.append(", caData=").append(caData.length).append(" bytes");
        }
        if (certFile != null) {
            sb.append(", certFile=").append(certFile);
        }
        if (certData != null && certData.length > 0) {
            sb.append(", certData=" + TRUNCATED);
        }
        if (keyFile != null) {
            sb.append(", keyFile=").append(keyFile);
        }
        if (keyData != null && keyData.length > 0) {
            sb.append(", keyData=" + REDACTED);
        }
        if (!nextProtos.isEmpty()) {
            sb.append(", nextProtos=").append(nextProtos);
        }
        if (!userAgent.isEmpty()) {
            sb.append(", userAgent=").append(userAgent);
        }
        sb.append(", qps=").append(qps).append(", burst=").append(burst);
        if (rateLimiter != null) {
            sb.append(", rateLimiter=").append(rateLimiter.getClass().getSimpleName());
        }
        if (timeout != null) {
            sb.append(", timeout=").append(timeout);
        }
        if (connectTimeout != null) {
            sb.append(", connectTimeout=").append(connectTimeout);
        }
        if (maxRetries != DEFAULT_MAX_RETRIES) {
            sb.append(", maxRetries=").append(maxRetries);
        }
        if (proxyDisabled) {
            sb.append(", proxy=none");
        } else if (proxyUrl != null) {
            sb.append(", proxy=").append(redactUserInfo(proxyUrl));
        }
        if (disableCompression) {
            sb.append(", disableCompression=true");
        }
        return sb.append('}').toString();
    }

    static final String REDACTED = "--- REDACTED ---";
    static final String TRUNCATED = "--- TRUNCATED ---";

    private static String redactUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + REDACTED + "@" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static byte[] copy(byte[] data) {
        return data == null ? null : data.clone();
    }

    /** Builds a {@link RestConfig}. Unset strings are empty, never {@code null}. */
    public static final class Builder {
        private String host = "";
        private String apiPath = "";
        private GroupVersion groupVersion;
        private String contentType = "";
        private String acceptContentTypes = "";
        private String username = "";
        private String password = "";
        private String bearerToken = "";
        private Path bearerTokenFile;
        private ImpersonationConfig impersonation = ImpersonationConfig.NONE;
        private AuthProviderConfig authProvider;
        private ExecConfig execProvider;
        private boolean insecure;
        private String serverName = "";
        private Path caFile;
        private byte[] caData;
        private Path certFile;
        private byte[] certData;
        private Path keyFile;
        private byte[] keyData;
        private List<String> nextProtos = new ArrayList<>();
        private String userAgent = "";
        private float qps;
        private int burst;
        private RateLimiter rateLimiter;
        private Duration timeout;
        private Duration connectTimeout;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private URI proxyUrl;
        private boolean proxyDisabled;
        private boolean disableCompression;
        private WarningHandler warningHandler;
        private ClientMetrics metrics;

        private Builder() {}

        private Builder(RestConfig c) {
            host = c.host;
            apiPath = c.apiPath;
            groupVersion = c.groupVersion;
            contentType = c.contentType;
            acceptContentTypes = c.acceptContentTypes;
            username = c.username;
            password = c.password;
            bearerToken = c.bearerToken;
            bearerTokenFile = c.bearerTokenFile;
            impersonation = c.impersonation;
            authProvider = c.authProvider;
            execProvider = c.execProvider;
            insecure = c.insecure;
            serverName = c.serverName;
            caFile = c.caFile;
            caData = c.caData;
            certFile = c.certFile;
            certData = c.certData;
            keyFile = c.keyFile;
            keyData = c.keyData;
            nextProtos = new ArrayList<>(c.nextProtos);
            userAgent = c.userAgent;
            qps = c.qps;
            burst = c.burst;
            rateLimiter = c.rateLimiter;
            timeout = c.timeout;
            connectTimeout = c.connectTimeout;
            maxRetries = c.maxRetries;
            proxyUrl = c.proxyUrl;
            proxyDisabled = c.proxyDisabled;
            disableCompression = c.disableCompression;
            warningHandler = c.warningHandler;
            metrics = c.metrics;
        }

        public Builder host(String host) {
            this.host = nz(host);
            return this;
        }

        public Builder apiPath(String apiPath) {
            this.apiPath = nz(apiPath);
            return this;
        }

        public Builder groupVersion(GroupVersion groupVersion) {
            this.groupVersion = groupVersion;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = nz(contentType);
            return this;
        }

        public Builder acceptContentTypes(String acceptContentTypes) {
            this.acceptContentTypes = nz(acceptContentTypes);
            return this;
        }

        public Builder username(String username) {
            this.username = nz(username);
            return this;
        }

        public Builder password(String password) {
            this.password = nz(password);
            return this;
        }

        public Builder bearerToken(String bearerToken) {
            this.bearerToken = nz(bearerToken);
            return this;
        }

        public Builder bearerTokenFile(Path bearerTokenFile) {
            this.bearerTokenFile = bearerTokenFile;
            return this;
        }

        public Builder impersonation(ImpersonationConfig impersonation) {
            this.impersonation = impersonation == null ? ImpersonationConfig.NONE : impersonation;
            return this;
        }

        public Builder authProvider(AuthProviderConfig authProvider) {
            this.authProvider = authProvider;
            return this;
        }

        public Builder execProvider(ExecConfig execProvider) {
            this.execProvider = execProvider;
            return this;
        }

        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        public Builder serverName(String serverName) {
            this.serverName = nz(serverName);
            return this;
        }

        public Builder caFile(Path caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder caData(byte[] caData) {
            this.caData = copy(caData);
            return this;
        }

        public Builder certFile(Path certFile) {
            this.certFile = certFile;
            return this;
        }

        public Builder certData(byte[] certData) {
            this.certData = copy(certData);
            return this;
        }

        public Builder keyFile(Path keyFile) {
            this.keyFile = keyFile;
            return this;
        }

        public Builder keyData(byte[] keyData) {
            this.keyData = copy(keyData);
            return this;
        }

        public Builder nextProtos(List<String> nextProtos) {
            this.nextProtos = nextProtos == null ? new ArrayList<>() : new ArrayList<>(nextProtos);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = nz(userAgent);
            return this;
        }

        /** Requests per second: 0 means the default (5), negative means no rate limiter. */
        public Builder qps(float qps) {
            this.qps = qps;
            return this;
        }

        /** Burst: 0 means the default (10). */
        public Builder burst(int burst) {
            this.burst = burst;
            return this;
        }

        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The timeout for establishing a connection; {@code null} means the default (30 seconds). */
        public Builder connectTimeout(Duration connectTimeout) {
            if (connectTimeout != null && (connectTimeout.isNegative() || connectTimeout.isZero())) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Retries after the first attempt of each request; 0 disables retries. Defaults to 10. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sends every request through this proxy; {@code null} means the environment's proxy. */
        public Builder proxyUrl(URI proxyUrl) {
            this.proxyUrl = proxyUrl;
            if (proxyUrl != null) {
                this.proxyDisabled = false;
            }
            return this;
        }

        /** Bypasses every proxy, including {@code HTTPS_PROXY} from the environment. */
        public Builder noProxy() {
            this.proxyUrl = null;
            this.proxyDisabled = true;
            return this;
        }

        public Builder disableCompression(boolean disableCompression) {
            this.disableCompression = disableCompression;
            return this;
        }

        public Builder warningHandler(WarningHandler warningHandler) {
            this.warningHandler = warningHandler;
            return this;
        }

        /** Reports this config's clients to {@code metrics} instead of the process-wide listener. */
        public Builder metrics(ClientMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public RestConfig build() {
            return new RestConfig(this);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

}
