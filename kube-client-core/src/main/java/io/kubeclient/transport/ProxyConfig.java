package io.kubeclient.transport;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which proxy a transport uses: none, one explicit {@code http://} proxy (kubeconfig
 * {@code proxy-url}), or the environment's {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}
 * (upper case first, then lower case) following Go's rules: loopback targets are never proxied,
 * and {@code NO_PROXY} entries may be host names, domain suffixes, IP addresses, CIDR ranges,
 * any of those with a port, or {@code *}.
 *
 * <p>Only plain-HTTP proxies are supported (HTTPS targets are tunnelled with {@code CONNECT});
 * an {@code https://} or {@code socks5://} proxy fails with a {@link ConfigException} when the
 * config is created rather than being bypassed. Credentials in a proxy URL are sent as
 * {@code Proxy-Authorization: Basic} with plain-HTTP requests; the JDK HttpClient does not pass
 * them on the {@code CONNECT} that tunnels HTTPS, so an HTTPS target behind a proxy that demands
 * authentication fails with the proxy's 407 (a warning is logged when such a config is built).
 * Immutable; equal configs share one connection pool.
 */
public final class ProxyConfig {

    private static final ProxyConfig NONE = new ProxyConfig(null, null, "", "none");

    private final URI httpsProxy;
    private final URI httpProxy;
    private final String noProxy;
    private final String source;
    private final List<NoProxyRule> rules;

    private ProxyConfig(URI httpsProxy, URI httpProxy, String noProxy, String source) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
        this.source = source;
        this.rules = NoProxyRule.parse(noProxy);
    }

    /** Connects directly, ignoring the environment. */
    public static ProxyConfig none() {
        return NONE;
    }

    /**
     * Sends every request through one proxy.
     *
     * @throws ConfigException when the scheme is not {@code http} or the URL has no host
     */
    public static ProxyConfig of(URI proxyUrl) {
        Objects.requireNonNull(proxyUrl, "proxyUrl");
        URI u = validate(proxyUrl, "proxyUrl");
        warnAboutTunnelCredentials(u);
        return new ProxyConfig(u, u, "", "explicit");
    }

    /** The proxy the process environment asks for. */
    public static ProxyConfig fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /**
     * The proxy an environment asks for, with an injectable variable lookup.
     *
     * @throws ConfigException when a proxy variable names an unsupported scheme
     */
    public static ProxyConfig fromEnvironment(Function<String, String> env) {
        String https = firstOf(env, "HTTPS_PROXY", "https_proxy");
        String http = firstOf(env, "HTTP_PROXY", "http_proxy");
        String no = firstOf(env, "NO_PROXY", "no_proxy");
        if (https.isEmpty() && http.isEmpty()) {
            return new ProxyConfig(null, null, "", "environment");
        }
        URI httpsProxy = envProxy(https, "HTTPS_PROXY");
        if (httpsProxy != null) {
            warnAboutTunnelCredentials(httpsProxy);
        }
        return new ProxyConfig(httpsProxy, envProxy(http, "HTTP_PROXY"), no, "environment");
    }

    private static void warnAboutTunnelCredentials(URI proxy) {
        if (proxy.getRawUserInfo() != null) {
            org.slf4j.LoggerFactory.getLogger(ProxyConfig.class).warn(
                    "The proxy {} has credentials, which the JDK HttpClient cannot send when tunnelling HTTPS; "
                            + "HTTPS requests fail if the proxy requires them", redact(proxy));
        }
    }

    private static String firstOf(Function<String, String> env, String upper, String lower) {
        String v = env.apply(upper);
        if (v == null || v.isEmpty()) {
            v = env.apply(lower);
        }
        return v == null ? "" : v.trim();
    }

    private static URI envProxy(String value, String variable) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.contains("://") ? value : "http://" + value;
        try {
            return validate(new URI(v), variable);
        } catch (URISyntaxException e) {
            throw new ConfigException("the " + variable + " environment variable is not a valid URL", null, variable, null);
        }
    }

    private static URI validate(URI u, String field) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http":
                break;
            case "https":
            case "socks5":
            case "socks5h":
                throw new ConfigException(scheme + " proxies are not supported (proxy " + redact(u)
                        + "); use an http:// proxy, which tunnels HTTPS with CONNECT", null, field, null);
            default:
                throw new ConfigException("unsupported proxy scheme \"" + scheme + "\" in " + redact(u)
                        + ", must be http", null, field, null);
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new ConfigException("the proxy URL " + redact(u) + " has no host", null, field, null);
        }
        return u;
    }

    /** The proxy for a target, or {@code null} to connect directly. */
    URI proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        URI proxy = "https".equals(scheme) ? httpsProxy : "http".equals(scheme) ? httpProxy : null;
        if (proxy == null) {
            return null;
        }
        if ("explicit".equals(source)) {
            return proxy;
        }
        String host = target.getHost();
        if (host == null) {
            return proxy;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = target.getPort() >= 0 ? target.getPort() : "https".equals(scheme) ? 443 : 80;
        byte[] ip = NoProxyRule.ipBytes(host);
        if (host.equals("localhost") || ip != null && isLoopback(ip)) {
            return null;
        }
        for (NoProxyRule r : rules) {
            if (r.matches(host, ip, port)) {
                return null;
            }
        }
        return proxy;
    }

    private static boolean isLoopback(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A selector for the JDK HttpClient, or {@code null} for direct connections only. */
    ProxySelector selector() {
        if (httpsProxy == null && httpProxy == null) {
            return null;
        }
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                URI p = proxyFor(uri);
                if (p == null) {
                    return List.of(Proxy.NO_PROXY);
                }
                int port = p.getPort() >= 0 ? p.getPort() : 80;
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        };
    }

    /** The {@code Proxy-Authorization} value for a target, or {@code null} when none is due. */
    String proxyAuthorization(URI target) {
        URI p = proxyFor(target);
        if (p == null || p.getRawUserInfo() == null) {
            return null;
        }
        String userInfo = URLDecoder.decode(p.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyConfig p && Objects.equals(httpsProxy, p.httpsProxy)
                && Objects.equals(httpProxy, p.httpProxy) && noProxy.equals(p.noProxy) && source.equals(p.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(httpsProxy, httpProxy, noProxy, source);
    }

    @Override
    public String toString() {
        if (httpsProxy == null && httpProxy == null) {
            return "ProxyConfig{" + source + ", direct}";
        }
        return "ProxyConfig{" + source + ", https=" + redact(httpsProxy) + ", http=" + redact(httpProxy)
                + (noProxy.isEmpty() ? "" : ", noProxy=" + noProxy) + "}";
    }

    static String redact(URI u) {
        if (u == null) {
            return "none";
        }
        if (u.getRawUserInfo() == null) {
            return u.toString();
        }
        return u.getScheme() + "://--- REDACTED ---@" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    }

    /** One {@code NO_PROXY} entry. */
    private record NoProxyRule(boolean all, byte[] network, int prefix, String domain, boolean matchHost, int port) {

        static List<NoProxyRule> parse(String noProxy) {
            List<NoProxyRule> rules = new ArrayList<>();
            for (String raw : noProxy.split(",")) {
                String p = raw.trim().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                if (p.equals("*")) {
                    rules.add(new NoProxyRule(true, null, 0, null, false, 0));
                    continue;
                }
                int slash = p.indexOf('/');
                if (slash > 0) {
                    byte[] net = ipBytes(p.substring(0, slash));
                    try {
                        int bits = Integer.parseInt(p.substring(slash + 1));
                        if (net != null && bits >= 0 && bits <= net.length * 8) {
                            rules.add(new NoProxyRule(false, net, bits, null, false, 0));
                        }
                    } catch (NumberFormatException ignored) {
                        // not a CIDR; Go skips it too
                    }
                    continue;
                }
                String host = p;
                int port = 0;
                int colon = p.lastIndexOf(':');
                if (p.startsWith("[") && p.contains("]")) {
                    host = p.substring(1, p.indexOf(']'));
                    if (p.indexOf("]:") > 0) {
                        port = parsePort(p.substring(p.indexOf("]:") + 2));
                    }
                } else if (colon > 0 && p.indexOf(':') == colon) {
                    host = p.substring(0, colon);
                    port = parsePort(p.substring(colon + 1));
                }
                byte[] ip = ipBytes(host);
                if (ip != null) {
                    rules.add(new NoProxyRule(false, ip, ip.length * 8, null, false, port));
                    continue;
                }
                if (host.startsWith("*.")) {
                    host = host.substring(1);
                }
                boolean matchHost = false;
                if (!host.startsWith(".")) {
                    matchHost = true;
                    host = "." + host;
                }
                rules.add(new NoProxyRule(false, null, 0, host, matchHost, port));
            }
            return rules;
        }

        private static int parsePort(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        boolean matches(String host, byte[] ip, int targetPort) {
            if (all) {
                return true;
            }
            if (port != 0 && port != targetPort) {
                return false;
            }
            if (network != null) {
                return ip != null && ip.length == network.length && samePrefix(ip, network, prefix);
            }
            return ip == null && (host.endsWith(domain) || matchHost && host.equals(domain.substring(1)));
        }

        private static boolean samePrefix(byte[] a, byte[] b, int bits) {
            if (bits == 0) {
                return true;
            }
            BigInteger x = new BigInteger(1, a).shiftRight(a.length * 8 - bits);
            BigInteger y = new BigInteger(1, b).shiftRight(b.length * 8 - bits);
            return x.equals(y);
        }

        /** The address bytes of an IP literal, or {@code null} for a name (never resolves DNS). */
        static byte[] ipBytes(String s) {
            if (s.isEmpty() || !(s.contains(":") || s.matches("[0-9]+(\\.[0-9]+){3}"))) {
                return null;
            }
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
    }
}
