package io.kubeclient.rest;

import io.kubeclient.ConfigException;
import io.kubeclient.transport.TlsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration for a client running in a pod, from the service-account mount and the
 * {@code KUBERNETES_SERVICE_*} environment: client-go's {@code rest.InClusterConfig}.
 *
 * <p>The token is kept as a token file so that rotated (projected) tokens are picked up. The
 * environment lookup and the service-account directory can be replaced, for tests or for
 * non-standard mounts.
 */
public final class InClusterConfig {

    private static final Logger LOG = LoggerFactory.getLogger(InClusterConfig.class);

    /** Where Kubernetes mounts the service-account token, CA and namespace files. */
    public static final Path DEFAULT_SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final Function<String, String> env;
    private final Path serviceAccountDir;

    private InClusterConfig(Function<String, String> env, Path serviceAccountDir) {
        this.env = env;
        this.serviceAccountDir = serviceAccountDir;
    }

    /** The real environment and {@link #DEFAULT_SERVICE_ACCOUNT_DIR}. */
    public static InClusterConfig fromEnvironment() {
        return new InClusterConfig(System::getenv, DEFAULT_SERVICE_ACCOUNT_DIR);
    }

    /**
     * A custom environment and service-account directory.
     *
     * @param env looks up an environment variable; may return {@code null}
     * @param serviceAccountDir holds {@code token}, {@code ca.crt} and {@code namespace}
     */
    public static InClusterConfig of(Function<String, String> env, Path serviceAccountDir) {
        return new InClusterConfig(Objects.requireNonNull(env, "env"), Objects.requireNonNull(serviceAccountDir, "serviceAccountDir"));
    }

    /** Shorthand for {@code fromEnvironment().restConfig()}. */
    public static RestConfig load() {
        return fromEnvironment().restConfig();
    }

    /** The service-account token file. */
    public Path tokenFile() {
        return serviceAccountDir.resolve("token");
    }

    /** The service-account CA bundle. */
    public Path caFile() {
        return serviceAccountDir.resolve("ca.crt");
    }

    /**
     * Whether in-cluster configuration can work: both service variables are set and the token
     * file exists and is not a directory (clientcmd's in-cluster check).
     */
    public boolean isPossible() {
        return !getenv("KUBERNETES_SERVICE_HOST").isEmpty()
                && !getenv("KUBERNETES_SERVICE_PORT").isEmpty()
                && Files.exists(tokenFile())
                && !Files.isDirectory(tokenFile());
    }

    /**
     * Builds the config: {@code https://host:port} (IPv6 bracketed), the token read once into
     * the bearer token and kept as the token file, and the CA file when it holds certificates.
     *
     * @throws NotInClusterException when either service variable is empty
     * @throws ConfigException when the token cannot be read
     */
    public RestConfig restConfig() {
        String host = getenv("KUBERNETES_SERVICE_HOST");
        String port = getenv("KUBERNETES_SERVICE_PORT");
        if (host.isEmpty() || port.isEmpty()) {
            throw new NotInClusterException();
        }
        Path tokenFile = tokenFile();
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("unable to read the service-account token: " + e.getClass().getSimpleName(),
                    tokenFile, null, e);
        }
        RestConfig.Builder b = RestConfig.builder()
                .host("https://" + joinHostPort(host, port))
                .bearerToken(token)
                .bearerTokenFile(tokenFile);
        Path ca = caFile();
        if (holdsCertificates(ca)) {
            b.caFile(ca);
        }
        return b.build();
    }

    /**
     * The pod's namespace: {@code POD_NAMESPACE}, else the trimmed namespace file, else
     * {@code default}.
     */
    public String namespace() {
        String ns = getenv("POD_NAMESPACE");
        if (!ns.isEmpty()) {
            return ns;
        }
        try {
            String fromFile = Files.readString(serviceAccountDir.resolve("namespace"), StandardCharsets.UTF_8).strip();
            if (!fromFile.isEmpty()) {
                return fromFile;
            }
        } catch (IOException e) {
            // no namespace file: fall through to "default", as client-go does
        }
        return "default";
    }

    private static boolean holdsCertificates(Path ca) {
        // The structure of each certificate is checked here, as client-go parses them; the JDK parses
        // them on the first request, which spares a pod's start its first X.509 parse (about 20 ms).
        try {
            TlsConfig.checkCertificates(Files.readAllBytes(ca));
            return true;
        } catch (IOException | ConfigException e) {
            LOG.error("Expected to load root CA config from {}, but got err: {}", ca, e.toString());
            return false;
        }
    }

    static String joinHostPort(String host, String port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    private String getenv(String name) {
        String v = env.apply(name);
        return v == null ? "" : v;
    }
}
