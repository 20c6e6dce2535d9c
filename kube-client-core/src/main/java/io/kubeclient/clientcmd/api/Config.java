package io.kubeclient.clientcmd.api;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole kubeconfig, client-go's {@code clientcmdapi.Config}: clusters, users and contexts by
 * name, the current context, preferences and extensions.
 *
 * @param currentContext the context used by default, or empty
 * @param preferences the deprecated preferences block
 * @param clusters clusters by name
 * @param authInfos users by name (the {@code users} list)
 * @param contexts contexts by name
 * @param extensions extra information, by name
 */
public record Config(String currentContext, Preferences preferences, Map<String, Cluster> clusters,
        Map<String, AuthInfo> authInfos, Map<String, Context> contexts, Map<String, Object> extensions) {

    /** A config with nothing in it. */
    public static final Config EMPTY = new Config("", Preferences.EMPTY, Map.of(), Map.of(), Map.of(), Map.of());

    public Config {
        currentContext = Immutables.str(currentContext);
        preferences = preferences == null ? Preferences.EMPTY : preferences;
        clusters = Immutables.map(clusters);
        authInfos = Immutables.map(authInfos);
        contexts = Immutables.map(contexts);
        extensions = Immutables.map(extensions);
    }

    /** This config with another current context. */
    public Config withCurrentContext(String name) {
        return new Config(name, preferences, clusters, authInfos, contexts, extensions);
    }

    /** Whether the config holds no entries and no current context. */
    public boolean isEmpty() {
        return currentContext.isEmpty() && clusters.isEmpty() && authInfos.isEmpty() && contexts.isEmpty()
                && extensions.isEmpty() && !preferences.colors() && preferences.extensions().isEmpty();
    }

    /**
     * Embeds referenced files, as {@code kubectl config view --flatten}: each cluster's
     * {@code certificate-authority} and each user's {@code client-certificate} and
     * {@code client-key} are read (relative paths against the entry's origin directory) into the
     * matching {@code -data} field and the path is cleared.
     *
     * @throws ConfigException when a file cannot be read, or a path and its data are both set
     */
    public Config flatten() {
        Map<String, Cluster> newClusters = new LinkedHashMap<>();
        clusters.forEach((name, c) -> {
            String where = "clusters[" + name + "].certificate-authority";
            byte[] data = inline(c.certificateAuthority(), c.certificateAuthorityData(), c.locationOfOrigin(), where);
            newClusters.put(name, c.certificateAuthority().isEmpty() ? c
                    : c.toBuilder().certificateAuthority("").certificateAuthorityData(data).build());
        });
        Map<String, AuthInfo> newUsers = new LinkedHashMap<>();
        authInfos.forEach((name, a) -> {
            AuthInfo.Builder b = a.toBuilder();
            if (!a.clientCertificate().isEmpty()) {
                b.clientCertificateData(inline(a.clientCertificate(), a.clientCertificateData(), a.locationOfOrigin(),
                        "users[" + name + "].client-certificate")).clientCertificate("");
            }
            if (!a.clientKey().isEmpty()) {
                b.clientKeyData(inline(a.clientKey(), a.clientKeyData(), a.locationOfOrigin(),
                        "users[" + name + "].client-key")).clientKey("");
            }
            newUsers.put(name, b.build());
        });
        return new Config(currentContext, preferences, newClusters, newUsers, contexts, extensions);
    }

    /**
     * Keeps only the current context and the cluster and user it names, as
     * {@code kubectl config view --minify}.
     *
     * @throws ConfigException when there is no current context or it names a missing entry
     */
    public Config minify() {
        if (currentContext.isEmpty()) {
            throw new ConfigException("current-context must exist in order to minify", null, "current-context", null);
        }
        Context ctx = contexts.get(currentContext);
        if (ctx == null) {
            throw new ConfigException("cannot locate context " + currentContext, null, "current-context", null);
        }
        Map<String, Cluster> newClusters = new LinkedHashMap<>();
        if (!ctx.cluster().isEmpty()) {
            Cluster c = clusters.get(ctx.cluster());
            if (c == null) {
                throw new ConfigException("cannot locate cluster " + ctx.cluster(), ctx.locationOfOrigin(),
                        "contexts[" + currentContext + "].cluster", null);
            }
            newClusters.put(ctx.cluster(), c);
        }
        Map<String, AuthInfo> newUsers = new LinkedHashMap<>();
        if (!ctx.authInfo().isEmpty()) {
            AuthInfo a = authInfos.get(ctx.authInfo());
            if (a == null) {
                throw new ConfigException("cannot locate user " + ctx.authInfo(), ctx.locationOfOrigin(),
                        "contexts[" + currentContext + "].user", null);
            }
            newUsers.put(ctx.authInfo(), a);
        }
        return new Config(currentContext, preferences, newClusters, newUsers, Map.of(currentContext, ctx), extensions);
    }

    private static byte[] inline(String path, byte[] data, Path origin, String field) {
        if (path.isEmpty()) {
            return data;
        }
        if (data != null && data.length > 0) {
            throw new ConfigException("cannot have values for both path and contents", origin, field, null);
        }
        Path p = Path.of(path);
        if (!p.isAbsolute() && origin != null) {
            Path dir = origin.toAbsolutePath().getParent();
            p = dir == null ? p : dir.resolve(p).normalize();
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ConfigException("unable to read " + p + ": " + e.getClass().getSimpleName(), origin, field, e);
        }
    }
}
