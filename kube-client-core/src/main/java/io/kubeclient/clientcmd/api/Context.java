package io.kubeclient.clientcmd.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * A kubeconfig context: which cluster and user to use, and the default namespace.
 *
 * @param cluster the cluster name, or empty
 * @param authInfo the user name (the {@code user} field), or empty
 * @param namespace the default namespace, or empty
 * @param extensions extra information, by name
 * @param locationOfOrigin the file this entry was loaded from, or {@code null}; never written
 */
public record Context(String cluster, String authInfo, String namespace, Map<String, Object> extensions,
        Path locationOfOrigin) {

    /** An empty context. */
    public static final Context EMPTY = new Context("", "", "", Map.of(), null);

    public Context {
        cluster = Immutables.str(cluster);
        authInfo = Immutables.str(authInfo);
        namespace = Immutables.str(namespace);
        extensions = Immutables.map(extensions);
    }

    /** A context without extensions or origin. */
    public static Context of(String cluster, String authInfo, String namespace) {
        return new Context(cluster, authInfo, namespace, Map.of(), null);
    }

    /** This context remembered as loaded from {@code file}. */
    public Context withLocationOfOrigin(Path file) {
        return new Context(cluster, authInfo, namespace, extensions, file);
    }
}
