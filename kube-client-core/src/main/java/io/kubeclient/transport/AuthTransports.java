package io.kubeclient.transport;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request decorators for credentials and identity, the Java form of client-go's round trippers.
 * Each wraps a transport and never overrides a header the request already carries. Stack them
 * in client-go's order, innermost first: bearer or basic auth, then user agent, then
 * impersonation.
 */
public final class AuthTransports {

    private static final Logger log = LoggerFactory.getLogger(AuthTransports.class);

    /** client-go's {@code ImpersonateUserHeader} and friends. */
    static final String IMPERSONATE_USER = "Impersonate-User";
    static final String IMPERSONATE_UID = "Impersonate-Uid";
    static final String IMPERSONATE_GROUP = "Impersonate-Group";
    static final String IMPERSONATE_EXTRA_PREFIX = "Impersonate-Extra-";

    private static volatile String defaultUserAgent;

    private AuthTransports() {}

    /** Sets {@code User-Agent} unless the request has one. */
    public static HttpTransport userAgent(HttpTransport next, String userAgent) {
        Objects.requireNonNull(userAgent, "userAgent");
        return decorate(next, r -> r.hasHeader("User-Agent") ? r : r.withHeader("User-Agent", userAgent));
    }

    /** Sets {@code Authorization: Basic ...} unless the request has an {@code Authorization} header. */
    public static HttpTransport basicAuth(HttpTransport next, String username, String password) {
        String value = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        return decorate(next, r -> r.hasHeader("Authorization") ? r : r.withHeader("Authorization", value));
    }

    /**
     * Sets {@code Authorization: Bearer ...} unless the request has an {@code Authorization}
     * header. With a token file, the file is re-read on client-go's schedule (a read is good for a
     * minute and renewed once it is 50 seconds old); the last good token survives a failed read,
     * and the static token is used only until the file was read once.
     *
     * @param token the static token, or empty
     * @param tokenFile a file holding the token, or {@code null}
     * @param clock the clock deciding when the file is re-read
     * @throws ConfigException when there is no static token and the file cannot be read or is empty
     */
    public static HttpTransport bearerToken(HttpTransport next, String token, Path tokenFile, Clock clock) {
        String fallback = token == null ? "" : token;
        if (tokenFile == null) {
            if (fallback.isEmpty()) {
                throw new IllegalArgumentException("a bearer token or a token file is required");
            }
            String value = "Bearer " + fallback;
            return decorate(next, r -> r.hasHeader("Authorization") ? r : r.withHeader("Authorization", value));
        }
        CachedFileTokenSource source = new CachedFileTokenSource(tokenFile, clock);
        if (fallback.isEmpty()) {
            try {
                source.token();
            } catch (IOException e) {
                throw new ConfigException(e.getMessage(), tokenFile, "bearerTokenFile", null);
            }
        }
        return decorate(next, r -> {
            if (r.hasHeader("Authorization")) {
                return r;
            }
            String t;
            try {
                t = source.token();
            } catch (IOException e) {
                log.warn("Unable to read the bearer token file {}, using the configured token: {}", tokenFile, e.getMessage());
                t = fallback;
            }
            return t.isEmpty() ? r : r.withHeader("Authorization", "Bearer " + t);
        });
    }

    /**
     * Adds {@code Impersonate-*} headers unless the request already has {@code Impersonate-User}.
     * {@code Impersonate-User} is always sent (possibly empty), {@code Impersonate-Uid} when set,
     * one {@code Impersonate-Group} per group and one {@code Impersonate-Extra-<key>} per value,
     * with the key percent-encoded as client-go does.
     */
    public static HttpTransport impersonation(HttpTransport next, ImpersonationConfig impersonation) {
        if (impersonation.isEmpty()) {
            return next;
        }
        return decorate(next, r -> {
            if (r.hasHeader(IMPERSONATE_USER)) {
                return r;
            }
            TransportRequest.Builder b = r.toBuilder().setHeader(IMPERSONATE_USER, impersonation.userName());
            if (!impersonation.uid().isEmpty()) {
                b.setHeader(IMPERSONATE_UID, impersonation.uid());
            }
            for (String g : impersonation.groups()) {
                b.addHeader(IMPERSONATE_GROUP, g);
            }
            for (Map.Entry<String, List<String>> e : impersonation.extra().entrySet()) {
                String name = IMPERSONATE_EXTRA_PREFIX + escapeExtraKey(e.getKey());
                for (String v : e.getValue()) {
                    b.addHeader(name, v);
                }
            }
            return b.build();
        });
    }

    /**
     * Escapes an extra key for a header name: every byte that is not an HTTP token character, and
     * {@code %} itself, becomes {@code %XX} with upper-case hex.
     */
    static String escapeExtraKey(String key) {
        StringBuilder sb = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c != '%' && isTokenChar(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * The default User-Agent: {@code <app>/<version> (<os>/<arch>) kube-client/<version>}, where
     * the app is the simple name of the main class (or jar) and the version is kube-client's,
     * each {@code unknown} when it cannot be found.
     */
    public static String defaultUserAgent() {
        String ua = defaultUserAgent;
        if (ua == null) {
            String version = version();
            ua = userAgent(System.getProperty("sun.java.command", ""), version, System.getProperty("os.name", ""),
                    System.getProperty("os.arch", ""));
            defaultUserAgent = ua;
        }
        return ua;
    }

    static String userAgent(String javaCommand, String version, String osName, String osArch) {
        // A StringBuilder rather than +: this runs while a Spring Boot application starts, where
        // bootstrapping a new string concatenation shape costs about a millisecond.
        return new StringBuilder(64).append(appName(javaCommand)).append('/').append(version).append(" (")
                .append(os(osName)).append('/').append(arch(osArch)).append(") kube-client/").append(version).toString();
    }

    static String appName(String javaCommand) {
        String main = javaCommand == null ? "" : javaCommand.trim();
        int space = main.indexOf(' ');
        if (space >= 0) {
            main = main.substring(0, space);
        }
        if (main.endsWith(".jar")) {
            main = Path.of(main).getFileName().toString();
            main = main.substring(0, main.length() - 4);
        } else {
            main = main.substring(main.lastIndexOf('.') + 1);
            main = main.substring(main.lastIndexOf('/') + 1);
        }
        main = main.replaceAll("[^A-Za-z0-9._-]", "");
        return main.isEmpty() ? "unknown" : main;
    }

    static String os(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "darwin";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        n = n.replaceAll("[^a-z0-9]", "");
        return n.isEmpty() ? "unknown" : n;
    }

    static String arch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "" -> "unknown";
            default -> a.replaceAll("[^a-z0-9]", "");
        };
    }

    private static String version() {
        // From the core jar's manifest, which the class loader has read already.
        Package core = AuthTransports.class.getPackage();
        return version(core.getImplementationTitle(), core.getImplementationVersion());
    }

    /**
     * The version a manifest's implementation entries give, if they name kube-client: a jar that
     * shaded the client in carries the application's title and version instead.
     */
    static String version(String implementationTitle, String implementationVersion) {
        boolean ours = implementationTitle != null && implementationTitle.startsWith("kube-client");
        return !ours || implementationVersion == null || implementationVersion.isBlank() ? "unknown"
                : implementationVersion.trim();
    }

    static HttpTransport decorate(HttpTransport next, UnaryOperator<TransportRequest> decorator) {
        Objects.requireNonNull(next, "next");
        return new HttpTransport() {
            @Override
            public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
                return next.send(decorator.apply(request));
            }

            @Override
            public void close() {
                next.close();
            }
        };
    }

    /**
     * client-go's cached file token source: a read is valid for one minute and re-read 10 seconds
     * before that; a failed re-read keeps the previous token.
     */
    static final class CachedFileTokenSource {
        static final Duration PERIOD = Duration.ofMinutes(1);
        static final Duration LEEWAY = Duration.ofSeconds(10);

        private final Path file;
        private final Clock clock;
        private String token;
        private Instant expiry;

        CachedFileTokenSource(Path file, Clock clock) {
            this.file = file;
            this.clock = clock;
        }

        synchronized String token() throws IOException {
            Instant now = clock.instant();
            if (token != null && now.isBefore(expiry.minus(LEEWAY))) {
                return token;
            }
            String read;
            try {
                read = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (read.isEmpty()) {
                    throw new IOException("read empty token from file \"" + file + "\"");
                }
            } catch (IOException e) {
                String why = e.getMessage() != null && e.getMessage().startsWith("read empty token")
                        ? e.getMessage() : "unable to read token file \"" + file + "\": " + e.getClass().getSimpleName();
                if (token != null) {
                    log.warn("Unable to rotate token: {}", why);
                    return token;
                }
                throw new IOException(why);
            }
            token = read;
            expiry = now.plus(PERIOD);
            return token;
        }
    }
}
