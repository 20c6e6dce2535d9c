package io.kubeclient.clientcmd;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry points for kubeconfig files, named after client-go's {@code tools/clientcmd}: load and
 * write the file format, and turn a kubeconfig (with overrides) into a {@link RestConfig}.
 *
 * <pre>{@code
 * ClientConfig cc = Clientcmd.newNonInteractiveDeferredLoadingClientConfig(
 *         ClientConfigLoadingRules.defaultRules(), ConfigOverrides.NONE);
 * RestConfig config = cc.clientConfig();
 * String namespace = cc.namespace().name();
 * }</pre>
 */
public final class Clientcmd {

    private static final Logger LOG = LoggerFactory.getLogger(Clientcmd.class);

    private Clientcmd() {}

    /**
     * Parses a kubeconfig (YAML or JSON). Unknown fields are ignored; empty input is an empty
     * config; relative paths are kept as written.
     *
     * @throws ConfigException on malformed input, wrong types, bad base64 or duplicate names
     */
    public static Config load(byte[] data) {
        return KubeConfigCodec.decode(Objects.requireNonNull(data, "data"), null);
    }

    /**
     * Reads one kubeconfig file. Entries remember the file as their origin; relative paths are
     * kept as written (the loading rules resolve them).
     *
     * @throws ConfigException naming the file when it is missing, a directory, unreadable or invalid
     */
    public static Config loadFromFile(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("error loading config file: no such file or directory", file, null, null);
        }
        return ClientConfigLoadingRules.loadFromFile(file);
    }

    /** The config as YAML, as {@code kubectl config view} prints it. */
    public static byte[] write(Config config) {
        return KubeConfigCodec.encodeYaml(config);
    }

    /** The config as indented JSON, as {@code kubectl config view -o json} prints it. */
    public static byte[] writeJson(Config config) {
        return KubeConfigCodec.encodeJson(config);
    }

    /**
     * Writes the config as YAML to {@code file}, readable only by its owner where the file
     * system supports it.
     */
    public static void writeToFile(Config config, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.write(file, write(config));
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new ConfigException("unable to write kubeconfig: " + ClientConfigLoadingRules.describe(e), file, null, e);
        }
    }

    /**
     * The {@link RestConfig} of a kubeconfig's current context, without overrides, in-cluster
     * fallback or path resolution (client-go's {@code RESTConfigFromKubeConfig}).
     */
    public static RestConfig restConfigFromKubeConfig(byte[] data) {
        return new DirectClientConfig(load(data), "", ConfigOverrides.NONE).clientConfig();
    }

    /**
     * A client config over an already loaded kubeconfig, using its current context unless the
     * overrides name another.
     */
    public static ClientConfig newDefaultClientConfig(Config config, ConfigOverrides overrides) {
        return new DirectClientConfig(config, "", overrides);
    }

    /** A client config over an already loaded kubeconfig and the named context. */
    public static ClientConfig newNonInteractiveClientConfig(Config config, String contextName, ConfigOverrides overrides) {
        return new DirectClientConfig(config, contextName, overrides);
    }

    /**
     * A client config that loads on first use and falls back to in-cluster configuration (from
     * the real environment) when nothing is configured.
     */
    public static ClientConfig newNonInteractiveDeferredLoadingClientConfig(ClientConfigLoader loader, ConfigOverrides overrides) {
        return newNonInteractiveDeferredLoadingClientConfig(loader, overrides, InClusterConfig.fromEnvironment());
    }

    /** As {@link #newNonInteractiveDeferredLoadingClientConfig(ClientConfigLoader, ConfigOverrides)}, with a given in-cluster source. */
    public static ClientConfig newNonInteractiveDeferredLoadingClientConfig(ClientConfigLoader loader, ConfigOverrides overrides,
            InClusterConfig inCluster) {
        return new DeferredLoadingClientConfig(Objects.requireNonNull(loader, "loader"), overrides,
                Objects.requireNonNull(inCluster, "inCluster"));
    }

    /**
     * client-go's {@code BuildConfigFromFlags}: with neither argument, in-cluster configuration
     * is tried first; otherwise only {@code kubeconfigPath} is loaded (not {@code KUBECONFIG} or
     * {@code ~/.kube/config}) and a non-empty {@code masterUrl} replaces its server (clearing its
     * {@code tls-server-name}).
     *
     * @param masterUrl the API server, or empty/{@code null}
     * @param kubeconfigPath the kubeconfig file, or empty/{@code null}
     */
    public static RestConfig buildConfigFromFlags(String masterUrl, String kubeconfigPath) {
        return buildConfigFromFlags(masterUrl, kubeconfigPath, InClusterConfig.fromEnvironment());
    }

    static RestConfig buildConfigFromFlags(String masterUrl, String kubeconfigPath, InClusterConfig inCluster) {
        String master = masterUrl == null ? "" : masterUrl;
        String path = kubeconfigPath == null ? "" : kubeconfigPath;
        if (master.isEmpty() && path.isEmpty()) {
            LOG.warn("Neither --kubeconfig nor --master was specified. Using the inClusterConfig. This might not work.");
            try {
                return inCluster.restConfig();
            } catch (ConfigException e) {
                LOG.warn("error creating inClusterConfig, falling back to default config: {}", e.getMessage());
            }
        }
        ClientConfigLoadingRules rules = ClientConfigLoadingRules.builder()
                .precedence(List.of())
                .explicitPath(path.isEmpty() ? null : Path.of(path))
                .build();
        return newNonInteractiveDeferredLoadingClientConfig(rules, serverOverride(master), inCluster).clientConfig();
    }

    /**
     * client-go's {@code BuildConfigFromKubeconfigGetter}: as {@link #buildConfigFromFlags} but the
     * kubeconfig comes from {@code getter}.
     */
    public static RestConfig buildConfigFromKubeconfigGetter(String masterUrl, Supplier<Config> getter) {
        return buildConfigFromKubeconfigGetter(masterUrl, getter, InClusterConfig.fromEnvironment());
    }

    static RestConfig buildConfigFromKubeconfigGetter(String masterUrl, Supplier<Config> getter, InClusterConfig inCluster) {
        Objects.requireNonNull(getter, "getter");
        return newNonInteractiveDeferredLoadingClientConfig(getter::get, serverOverride(masterUrl == null ? "" : masterUrl),
                inCluster).clientConfig();
    }

    /**
     * Parses a {@code --request-timeout} value: integer seconds, or a Go duration such as
     * {@code 30s}, {@code 1m30s}; {@code 0} means no timeout.
     *
     * @throws IllegalArgumentException with kubectl's message when the value is invalid
     */
    public static Duration parseTimeout(String value) {
        return Timeouts.parse(value);
    }

    private static ConfigOverrides serverOverride(String master) {
        return ConfigOverrides.builder().clusterInfo(Cluster.builder().server(master).build()).build();
    }
}
