package io.kubeclient.transport;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Legacy kubeconfig auth providers. Only {@code oidc} works: its {@code id-token} is sent as a
 * bearer token and, once expired (10 seconds early), refreshed with the {@code refresh-token}
 * at the token endpoint the issuer's {@code /.well-known/openid-configuration} names. Refreshed
 * tokens are kept in memory only; they are not written back to the kubeconfig. {@code gcp} and
 * {@code azure} fail with client-go's "removed, use an exec plugin" errors.
 */
public final class AuthProviders {

    private AuthProviders() {}

    /**
     * The mapper for tokens and issuer answers, created on the first request: building it when an
     * application wraps its transport, at start, would load Jackson databind there.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    /**
     * Wraps a transport with an auth provider.
     *
     * @throws ConfigException for a removed, unknown or incompletely configured provider
     */
    public static HttpTransport wrap(HttpTransport next, AuthProviderConfig provider, Clock clock) {
        switch (provider.name()) {
            case "oidc":
                Oidc oidc = new Oidc(provider.config(), clock);
                return AuthTransports.decorate(next, r -> {
                    if (r.hasHeader("Authorization")) {
                        return r;
                    }
                    return r.withHeader("Authorization", "Bearer " + oidc.token());
                });
            case "gcp":
                throw new ConfigException("the gcp auth plugin has been removed; use the gke-gcloud-auth-plugin "
                        + "exec credential plugin instead", null, "authProvider", null);
            case "azure":
                throw new ConfigException("the azure auth plugin has been removed; use the kubelogin exec credential "
                        + "plugin (https://azure.github.io/kubelogin/) instead", null, "authProvider", null);
            default:
                throw new ConfigException("no Auth Provider found for name \"" + provider.name() + "\"", null, "authProvider", null);
        }
    }

    /** The oidc provider's token state. */
    static final class Oidc {
        static final Duration EXPIRY_SKEW = Duration.ofSeconds(10);
        /** Bounds each call to the issuer: a refresh holds the lock every request waits on. */
        static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(30);

        private final Map<String, String> cfg;
        private final Clock clock;
        private final String issuer;
        private final Duration issuerTimeout;
        private String idToken;
        private String refreshToken;
        private HttpTransport http;

        Oidc(Map<String, String> cfg, Clock clock) {
            this(cfg, clock, ISSUER_TIMEOUT);
        }

        Oidc(Map<String, String> cfg, Clock clock, Duration issuerTimeout) {
            this.cfg = cfg;
            this.clock = clock;
            this.issuerTimeout = issuerTimeout;
            this.issuer = cfg.getOrDefault("idp-issuer-url", "");
            if (issuer.isEmpty()) {
                throw new ConfigException("oidc auth provider: must provide idp-issuer-url", null, "authProvider.config.idp-issuer-url", null);
            }
            if (cfg.getOrDefault("client-id", "").isEmpty()) {
                throw new ConfigException("oidc auth provider: must provide client-id", null, "authProvider.config.client-id", null);
            }
            this.idToken = cfg.getOrDefault("id-token", "");
            this.refreshToken = cfg.getOrDefault("refresh-token", "");
        }

        synchronized String token() {
            if (!idToken.isEmpty() && !expired(idToken)) {
                return idToken;
            }
            if (refreshToken.isEmpty()) {
                throw new ConfigException("oidc auth provider: the id-token has expired and no refresh-token is configured; "
                        + "log in again", null, "authProvider.config.refresh-token", null);
            }
            try {
                refresh();
            } catch (IOException e) {
                throw new io.kubeclient.KubeIOException("oidc auth provider: refreshing the id-token failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.kubeclient.KubeIOException("oidc auth provider: interrupted while refreshing the id-token", e);
            }
            return idToken;
        }

        boolean expired(String jwt) {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) {
                return true;
            }
            try {
                JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
                JsonNode exp = claims.get("exp");
                if (exp == null || !exp.isNumber()) {
                    return true;
                }
                return !clock.instant().plus(EXPIRY_SKEW).isBefore(Instant.ofEpochSecond(exp.longValue()));
            } catch (IllegalArgumentException | JacksonException e) {
                return true;
            }
        }

        private HttpTransport http() {
            if (http == null) {
                String caData = cfg.getOrDefault("idp-certificate-authority-data", "");
                String caFile = cfg.getOrDefault("idp-certificate-authority", "");
                TlsConfig.Builder tls = TlsConfig.builder();
                if (!caData.isEmpty()) {
                    try {
                        tls.caData(Base64.getMimeDecoder().decode(caData));
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException("oidc auth provider: idp-certificate-authority-data is not valid base64",
                                null, "authProvider.config.idp-certificate-authority-data", null);
                    }
                } else if (!caFile.isEmpty()) {
                    tls.caFile(Path.of(caFile));
                }
                http = JdkHttpTransport.builder().tls(tls.build()).proxy(ProxyConfig.fromEnvironment()).build();
            }
            return http;
        }

        private JsonNode getJson(TransportRequest req, String what) throws IOException, InterruptedException {
            try (TransportResponse r = http().send(req)) {
                byte[] body = r.body().readAllBytes();
                if (r.statusCode() != 200) {
                    throw new IOException(what + " at " + req.uri() + " returned HTTP " + r.statusCode());
                }
                try {
                    return Json.MAPPER.readTree(body);
                } catch (JacksonException e) {
                    throw new IOException(what + " at " + req.uri() + " did not return JSON");
                }
            }
        }

        private static URI uri(String s, String what) throws IOException {
            try {
                URI u = new URI(s);
                if (u.getScheme() == null || u.getHost() == null) {
                    throw new URISyntaxException(s, "not an absolute URL");
                }
                return u;
            } catch (URISyntaxException e) {
                throw new IOException("the OIDC " + what + " is not an absolute URL");
            }
        }

        private void refresh() throws IOException, InterruptedException {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            JsonNode discovery = getJson(TransportRequest.builder("GET", uri(base + "/.well-known/openid-configuration", "idp-issuer-url"))
                    .setHeader("Accept", "application/json").timeout(issuerTimeout).build(), "OIDC discovery");
            JsonNode endpoint = discovery.get("token_endpoint");
            if (endpoint == null || !endpoint.isString()) {
                throw new IOException("OIDC discovery for " + issuer + " has no token_endpoint");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
            form.put("client_id", cfg.get("client-id"));
            if (!cfg.getOrDefault("client-secret", "").isEmpty()) {
                form.put("client_secret", cfg.get("client-secret"));
            }
            String extraScopes = cfg.getOrDefault("extra-scopes", "");
            form.put("scope", ("openid " + extraScopes.replace(',', ' ')).trim());
            String encoded = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            JsonNode token = getJson(TransportRequest.builder("POST", uri(endpoint.stringValue(), "token_endpoint"))
                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                    .setHeader("Accept", "application/json")
                    .timeout(issuerTimeout)
                    .body(TransportRequest.Body.of(encoded.getBytes(StandardCharsets.UTF_8))).build(), "OIDC token refresh");
            JsonNode id = token.get("id_token");
            if (id == null || !id.isString() || id.stringValue().isEmpty()) {
                throw new IOException("the token response has no id_token");
            }
            idToken = id.stringValue();
            JsonNode rt = token.get("refresh_token");
            if (rt != null && rt.isString() && !rt.stringValue().isEmpty()) {
                refreshToken = rt.stringValue();
            }
        }
    }
}
