package io.kubeclient.rest;

import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns a {@link RestConfig} host into the server's base URL, following client-go's
 * {@code DefaultServerURL}/{@code DefaultServerUrlFor} rules.
 *
 * <p>A host without a scheme gets {@code https://} when any TLS setting (CA, client certificate,
 * insecure) is present and {@code http://} otherwise; an empty host means {@code localhost}; a
 * path on an explicitly schemed URL is kept as a prefix of every request.
 */
public final class ServerUrls {

    private ServerUrls() {}

    /**
     * The computed base URL and the versioned API path of a config.
     *
     * @param base scheme, authority and path prefix of the server, without query or fragment
     * @param versionedApiPath {@code /<apiPath>[/<group>]/<version>}, cleaned as Go's {@code path.Join}
     */
    public record ServerUrl(URI base, String versionedApiPath) {

        /** The path every request starts with: the base path joined with the versioned API path. */
        public String pathPrefix() {
            return UrlParts.join("/", base.getRawPath() == null ? "" : base.getRawPath(), versionedApiPath);
        }

        /** Whether the server is reached over TLS. */
        public boolean isTls() {
            return "https".equals(base.getScheme());
        }
    }

    /**
     * The base URL and versioned path for {@code config}, as client-go's {@code DefaultServerUrlFor}.
     *
     * @throws ConfigException {@code host must be a URL or a host:port pair: "<host>"} when the host
     *     cannot be parsed
     */
    public static ServerUrl defaultServerUrl(RestConfig config) {
        String host = config.host().isEmpty() ? "localhost" : config.host();
        boolean defaultTls = config.hasCA() || config.hasCertAuth() || config.insecure();
        return defaultServerUrl(host, config.apiPath(), config.groupVersion(), defaultTls);
    }

    /** Whether requests built from {@code config} use {@code https}; false when the host is unusable. */
    public static boolean isConfigTransportTls(RestConfig config) {
        try {
            return defaultServerUrl(config).isTls();
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * client-go's {@code DefaultServerURL}: parses {@code host}, prefixing {@code https://} (when
     * {@code defaultTls}) or {@code http://} when it has no scheme or no host part.
     */
    public static ServerUrl defaultServerUrl(String host, String apiPath, GroupVersion groupVersion, boolean defaultTls) {
        if (host == null || host.isEmpty()) {
            throw new ConfigException("host must be a URL or a host:port pair");
        }
        URI uri = parseWithHost(host);
        if (uri == null) {
            uri = parseWithHost((defaultTls ? "https://" : "http://") + host);
            if (uri == null || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                throw new ConfigException("host must be a URL or a host:port pair: \"" + redactUserInfo(host) + "\"");
            }
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().indexOf('@') >= 0) {
            // The JDK client would not send it, and every logged URL and error message would carry it.
            throw new ConfigException("host must not contain user info (credentials): \"" + redactUserInfo(host)
                    + "\"; set username and password instead");
        }
        URI base = URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        return new ServerUrl(base, versionedApiPath(apiPath, groupVersion));
    }

    /** client-go's {@code DefaultVersionedAPIPath}: {@code /apiPath[/group]/version}, cleaned. */
    public static String versionedApiPath(String apiPath, GroupVersion groupVersion) {
        String group = groupVersion == null ? "" : groupVersion.group();
        String version = groupVersion == null ? "" : groupVersion.version();
        return UrlParts.join("/", apiPath == null ? "" : apiPath, group, version);
    }

    /** A URL with a scheme and a non-empty authority, or null (Go's "parse failed, or no scheme, or no host"). */
    private static URI parseWithHost(String s) {
        try {
            URI u = new URI(s);
            if (u.getScheme() == null || u.getRawAuthority() == null || u.getRawAuthority().isEmpty() || u.isOpaque()) {
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code host} with any {@code user:password@} before the host name replaced by a marker. */
    static String redactUserInfo(String host) {
        return host.replaceAll("(^|//)[^/]*@", "$1--- REDACTED ---@");
    }
}
