package io.kubeclient.clientcmd;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.clientcmd.api.Preferences;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which kubeconfig files to load and how: client-go's {@code ClientConfigLoadingRules}.
 *
 * <p>An explicit path, when set, is the only file loaded and must exist. Otherwise the files of
 * the precedence list are loaded in order, skipping missing ones, and merged: for clusters,
 * users, contexts and extensions the first file defining a name wins as a whole entry; for
 * {@code current-context} and preferences the first non-empty value wins. Relative paths
 * (certificate authority, client certificate and key, token file, exec command containing a
 * slash) are resolved against the directory of the file that defined them.
 */
public final class ClientConfigLoadingRules implements ClientConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfigLoadingRules.class);

    /** The environment variable listing kubeconfig files. */
    public static final String RECOMMENDED_CONFIG_PATH_ENV_VAR = "KUBECONFIG";
    /** The flag naming an explicit kubeconfig file. */
    public static final String RECOMMENDED_CONFIG_PATH_FLAG = "kubeconfig";

    private final List<Path> precedence;
    private final Path explicitPath;
    private final boolean warnIfAllMissing;
    private final boolean doNotResolvePaths;

    private ClientConfigLoadingRules(Builder b) {
        this.precedence = List.copyOf(b.precedence);
        this.explicitPath = b.explicitPath;
        this.warnIfAllMissing = b.warnIfAllMissing;
        this.doNotResolvePaths = b.doNotResolvePaths;
    }

    /** Rules from the real environment: {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    public static ClientConfigLoadingRules defaultRules() {
        return defaultRules(System::getenv);
    }

    /**
     * Rules from an environment: {@code KUBECONFIG} split on the platform path separator
     * (empty entries and duplicates dropped), else {@code <home>/.kube/config} with the home
     * directory found as client-go does ({@code HOME} on Unix).
     */
    public static ClientConfigLoadingRules defaultRules(Function<String, String> env) {
        return defaultRules(env, File.pathSeparator, File.separatorChar == '\\');
    }

    static ClientConfigLoadingRules defaultRules(Function<String, String> env, String pathSeparator, boolean windows) {
        Builder b = builder();
        String kubeconfig = Objects.requireNonNullElse(env.apply(RECOMMENDED_CONFIG_PATH_ENV_VAR), "");
        if (!kubeconfig.isEmpty()) {
            LinkedHashSet<Path> files = new LinkedHashSet<>();
            for (String s : kubeconfig.split(java.util.regex.Pattern.quote(pathSeparator))) {
                if (!s.isEmpty()) {
                    files.add(Path.of(s));
                }
            }
            b.precedence(new ArrayList<>(files)).warnIfAllMissing(true);
        } else {
            String home = homeDir(env, windows);
            b.precedence(List.of(Path.of(home, ".kube", "config")));
        }
        return b.build();
    }

    /** The home directory as client-go's {@code homedir.HomeDir}. */
    static String homeDir(Function<String, String> env, boolean windows) {
        String home = Objects.requireNonNullElse(env.apply("HOME"), "");
        if (!windows) {
            return home;
        }
        String drivePath = "";
        String drive = Objects.requireNonNullElse(env.apply("HOMEDRIVE"), "");
        String homePath = Objects.requireNonNullElse(env.apply("HOMEPATH"), "");
        if (!drive.isEmpty() && !homePath.isEmpty()) {
            drivePath = drive + homePath;
        }
        String profile = Objects.requireNonNullElse(env.apply("USERPROFILE"), "");
        for (String candidate : List.of(home, drivePath, profile)) {
            if (!candidate.isEmpty() && Files.exists(Path.of(candidate, ".kube", "config"))) {
                return candidate;
            }
        }
        for (String candidate : List.of(home, profile, drivePath)) {
            if (!candidate.isEmpty() && Files.isDirectory(Path.of(candidate)) && Files.isWritable(Path.of(candidate))) {
                return candidate;
            }
        }
        for (String candidate : List.of(home, profile, drivePath)) {
            if (!candidate.isEmpty() && Files.exists(Path.of(candidate))) {
                return candidate;
            }
        }
        for (String candidate : List.of(home, profile, drivePath)) {
            if (!candidate.isEmpty()) {
                return candidate;
            }
        }
        return "";
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The files consulted in order when no explicit path is set. */
    public List<Path> precedence() {
        return precedence;
    }

    /** The only file loaded when set (the {@code --kubeconfig} flag), or {@code null}. */
    public Path explicitPath() {
        return explicitPath;
    }

    /** The files {@link #load()} consults: the explicit path alone, or the precedence list. */
    public List<Path> loadingPrecedence() {
        return explicitPath != null ? List.of(explicitPath) : precedence;
    }

    /**
     * Loads, merges and resolves the files.
     *
     * @throws ConfigException naming the file when the explicit file is missing, or a file is a
     *     directory, unreadable or invalid; nothing is returned in that case
     */
    @Override
    public Config load() {
        List<Path> files;
        if (explicitPath != null) {
            if (!Files.exists(explicitPath)) {
                throw new ConfigException("error loading config file: the explicitly given kubeconfig does not exist",
                        explicitPath, null, null);
            }
            files = List.of(explicitPath);
        } else {
            files = precedence;
        }
        List<Config> loaded = new ArrayList<>();
        List<ConfigException> errors = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().isEmpty() || !Files.exists(file)) {
                continue;
            }
            try {
                Config c = loadFromFile(file);
                loaded.add(doNotResolvePaths ? c : resolvePaths(c));
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            ConfigException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            throw first;
        }
        if (loaded.isEmpty() && warnIfAllMissing && !files.isEmpty()) {
            LOG.debug("Config not found: {}", files);
        }
        return merge(loaded);
    }

    /**
     * Reads one kubeconfig file; entries remember it as their origin. Paths are not resolved.
     *
     * @throws ConfigException naming the file when it is missing, a directory, unreadable or invalid
     */
    static Config loadFromFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("error loading config file: is a directory, not a kubeconfig file", file, null, null);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("error loading config file: " + describe(e), file, null, e);
        }
        return KubeConfigCodec.decode(data, file);
    }

    /**
     * First file wins per map key; first non-empty value wins for current-context and preferences.
     * Loops rather than method references, here and in {@link #resolvePaths}: each would be
     * bootstrapped on first use, while an application starts.
     */
    static Config merge(List<Config> configs) {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        Map<String, AuthInfo> users = new LinkedHashMap<>();
        Map<String, Context> contexts = new LinkedHashMap<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        Map<String, Object> prefExtensions = new LinkedHashMap<>();
        String current = "";
        boolean colors = false;
        for (Config c : configs) {
            putAllAbsent(clusters, c.clusters());
            putAllAbsent(users, c.authInfos());
            putAllAbsent(contexts, c.contexts());
            putAllAbsent(extensions, c.extensions());
            putAllAbsent(prefExtensions, c.preferences().extensions());
            if (current.isEmpty()) {
                current = c.currentContext();
            }
            colors |= c.preferences().colors();
        }
        return new Config(current, new Preferences(colors, prefExtensions), clusters, users, contexts, extensions);
    }

    private static <V> void putAllAbsent(Map<String, V> into, Map<String, V> from) {
        for (Map.Entry<String, V> e : from.entrySet()) {
            into.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /** Makes relative file references absolute against the directory of each entry's origin. */
    static Config resolvePaths(Config c) {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        for (Map.Entry<String, Cluster> e : c.clusters().entrySet()) {
            Cluster cl = e.getValue();
            Path dir = baseDir(cl.locationOfOrigin());
            clusters.put(e.getKey(), dir == null ? cl
                    : cl.toBuilder().certificateAuthority(resolve(cl.certificateAuthority(), dir)).build());
        }
        Map<String, AuthInfo> users = new LinkedHashMap<>();
        for (Map.Entry<String, AuthInfo> e : c.authInfos().entrySet()) {
            AuthInfo a = e.getValue();
            Path dir = baseDir(a.locationOfOrigin());
            if (dir == null) {
                users.put(e.getKey(), a);
                continue;
            }
            AuthInfo.Builder b = a.toBuilder()
                    .clientCertificate(resolve(a.clientCertificate(), dir))
                    .clientKey(resolve(a.clientKey(), dir))
                    .tokenFile(resolve(a.tokenFile(), dir));
            if (a.exec() != null && hasSeparator(a.exec().command())) {
                b.exec(a.exec().withCommand(resolve(a.exec().command(), dir)));
            }
            users.put(e.getKey(), b.build());
        }
        return new Config(c.currentContext(), c.preferences(), clusters, users, c.contexts(), c.extensions());
    }

    private static boolean hasSeparator(String command) {
        return command.indexOf('/') >= 0 || command.indexOf(File.separatorChar) >= 0;
    }

    private static Path baseDir(Path origin) {
        if (origin == null) {
            return null;
        }
        Path parent = origin.toAbsolutePath().getParent();
        return parent;
    }

    private static String resolve(String path, Path dir) {
        if (path.isEmpty() || Path.of(path).isAbsolute()) {
            return path;
        }
        return dir.resolve(path).normalize().toString();
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return kind.toLowerCase(Locale.ROOT).replace("exception", " error").trim();
    }

    @Override
    public String toString() {
        return "ClientConfigLoadingRules{" + (explicitPath != null ? "explicitPath=" + explicitPath : "precedence=" + precedence) + "}";
    }

    /** Builds {@link ClientConfigLoadingRules}. */
    public static final class Builder {
        private List<Path> precedence = List.of();
        private Path explicitPath;
        private boolean warnIfAllMissing;
        private boolean doNotResolvePaths;

        private Builder() {}

        private Builder(ClientConfigLoadingRules r) {
            precedence = r.precedence;
            explicitPath = r.explicitPath;
            warnIfAllMissing = r.warnIfAllMissing;
            doNotResolvePaths = r.doNotResolvePaths;
        }

        /** The files to merge, first wins. */
        public Builder precedence(List<Path> files) {
            this.precedence = List.copyOf(files);
            return this;
        }

        /** The only file to load; it must exist. {@code null} clears it. */
        public Builder explicitPath(Path file) {
            this.explicitPath = file;
            return this;
        }

        /** Log when every file of the precedence list is missing. */
        public Builder warnIfAllMissing(boolean warn) {
            this.warnIfAllMissing = warn;
            return this;
        }

        /** Keep relative paths as written instead of resolving them. */
        public Builder doNotResolvePaths(boolean doNotResolve) {
            this.doNotResolvePaths = doNotResolve;
            return this;
        }

        public ClientConfigLoadingRules build() {
            return new ClientConfigLoadingRules(this);
        }
    }
}
