package io.kubeclient.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for kube-client, bound from {@code kube.client.*}.
 *
 * <p>Unset values leave the loaded configuration (kubeconfig or in-cluster) as it is; set values
 * override it the way the matching kubectl flag would.
 */
@ConfigurationProperties(prefix = "kube.client")
public class KubeClientProperties {

    /** Whether to auto-configure kube-client. */
    private boolean enabled = true;

    /** Where the connection settings come from. */
    private Mode mode = Mode.AUTO;

    /**
     * Comma-separated list of kubeconfig files to merge, first file winning; replaces KUBECONFIG
     * and ~/.kube/config.
     */
    private List<String> kubeconfig = new ArrayList<>();

    /** Kubeconfig context to use instead of its current-context. */
    private String context;

    /** Kubeconfig cluster to use instead of the context's. */
    private String cluster;

    /** Kubeconfig user to use instead of the context's. */
    private String user;

    /** Default namespace, overriding the context's and the in-cluster one. */
    private String namespace;

    /** URL of the API server, overriding the cluster's server. */
    private String masterUrl;

    /** Whether to skip verification of the server's certificate. Insecure: for development only. */
    private Boolean insecureSkipTlsVerify;

    /** Path of a PEM file with the certificate authorities to trust. */
    private String certificateAuthority;

    /** Server name to use for SNI and to check in the server's certificate. */
    private String tlsServerName;

    /** Path of a file holding a bearer token, re-read about once a minute so rotation works. */
    private String tokenFile;

    /** Bearer token. Discouraged: prefer token-file, a kubeconfig, or in-cluster credentials. */
    private String token;

    /** Requests per second allowed by the client-side rate limiter; negative disables it. */
    private float qps = 5.0f;

    /** Burst allowed by the client-side rate limiter. */
    private int burst = 10;

    /** Timeout of each request; unset means none (watches and log streams are long-lived). */
    private Duration timeout;

    /** Timeout for establishing a connection. */
    private Duration connectTimeout = Duration.ofSeconds(30);

    /** Maximum number of retries of a request the server asked to retry (429/5xx with Retry-After). */
    private int maxRetries = 10;

    /** User-Agent header; unset means kube-client's default. */
    private String userAgent;

    /** URL of an HTTP proxy for every request, overriding HTTPS_PROXY and the kubeconfig. */
    private String proxyUrl;

    /** Whether HTTP/2 may be negotiated; false forces HTTP/1.1. */
    private boolean http2 = true;

    /** How server warnings (Warning response headers) are reported. */
    private Warnings warnings = Warnings.LOG_ONCE;

    private final Impersonate impersonate = new Impersonate();

    private final Discovery discovery = new Discovery();

    private final Health health = new Health();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<String> getKubeconfig() {
        return kubeconfig;
    }

    public void setKubeconfig(List<String> kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    public String getContext() {
        return context;
    }

    public void setContext(String context) {
        this.context = context;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getMasterUrl() {
        return masterUrl;
    }

    public void setMasterUrl(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    public Boolean getInsecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    public void setInsecureSkipTlsVerify(Boolean insecureSkipTlsVerify) {
        this.insecureSkipTlsVerify = insecureSkipTlsVerify;
    }

    public String getCertificateAuthority() {
        return certificateAuthority;
    }

    public void setCertificateAuthority(String certificateAuthority) {
        this.certificateAuthority = certificateAuthority;
    }

    public String getTlsServerName() {
        return tlsServerName;
    }

    public void setTlsServerName(String tlsServerName) {
        this.tlsServerName = tlsServerName;
    }

    public String getTokenFile() {
        return tokenFile;
    }

    public void setTokenFile(String tokenFile) {
        this.tokenFile = tokenFile;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public float getQps() {
        return qps;
    }

    public void setQps(float qps) {
        this.qps = qps;
    }

    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getProxyUrl() {
        return proxyUrl;
    }

    public void setProxyUrl(String proxyUrl) {
        this.proxyUrl = proxyUrl;
    }

    public boolean isHttp2() {
        return http2;
    }

    public void setHttp2(boolean http2) {
        this.http2 = http2;
    }

    public Warnings getWarnings() {
        return warnings;
    }

    public void setWarnings(Warnings warnings) {
        this.warnings = warnings;
    }

    public Impersonate getImpersonate() {
        return impersonate;
    }

    public Discovery getDiscovery() {
        return discovery;
    }

    public Health getHealth() {
        return health;
    }

    @Override
    public String toString() {
        // Hand-written so that the token never appears in logs or failure reports.
        return "KubeClientProperties{mode=" + mode + ", kubeconfig=" + kubeconfig + ", context=" + context
                + ", masterUrl=" + ((masterUrl == null) ? null : PropertiesKubeConnectionDetails.redactUserInfo(masterUrl))
                + ", token=" + (token == null ? "unset" : "--- REDACTED ---")
                + ", qps=" + qps + ", burst=" + burst + "}";
    }

    /** Where the connection settings come from. */
    public enum Mode {
        /** Explicit kubeconfig, then KUBECONFIG, then ~/.kube/config, then in-cluster. */
        AUTO,
        /** Only the in-cluster service account. */
        IN_CLUSTER,
        /** Only kubeconfig files. */
        KUBECONFIG
    }

    /** How server warnings are reported. */
    public enum Warnings {
        /** Log each distinct warning once per process. */
        LOG_ONCE,
        /** Log every warning. */
        LOG_EVERY,
        /** Drop warnings. */
        IGNORE
    }

    /** Who to act as ({@code Impersonate-*} headers). */
    public static class Impersonate {

        /** User to impersonate. */
        private String user;

        /** UID of the user to impersonate. */
        private String uid;

        /** Comma-separated list of groups to impersonate. */
        private List<String> groups = new ArrayList<>();

        /** Extra fields to impersonate, each with a list of values. */
        private Map<String, List<String>> extra = new LinkedHashMap<>();

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getUid() {
            return uid;
        }

        public void setUid(String uid) {
            this.uid = uid;
        }

        public List<String> getGroups() {
            return groups;
        }

        public void setGroups(List<String> groups) {
            this.groups = groups;
        }

        public Map<String, List<String>> getExtra() {
            return extra;
        }

        public void setExtra(Map<String, List<String>> extra) {
            this.extra = extra;
        }
    }

    /** Discovery settings. */
    public static class Discovery {

        /** How long discovery results are cached before the next lookup refreshes them; zero caches until restart. */
        private Duration cacheTtl = Duration.ofMinutes(10);

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }

    /** Health indicator settings. */
    public static class Health {

        /** Time allowed for the API server to answer the health probe. */
        private Duration timeout = Duration.ofSeconds(2);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
