package io.kubeclient.restmapper;

/** Whether a resource lives in a namespace or at the cluster root, as client-go's {@code RESTScope}. */
public enum RESTScope {
    /** Namespaced resources ({@code "namespace"}). */
    NAMESPACE("namespace"),
    /** Cluster-scoped resources ({@code "root"}). */
    ROOT("root");

    private final String scopeName;

    RESTScope(String scopeName) {
        this.scopeName = scopeName;
    }

    /** client-go's scope name: {@code namespace} or {@code root}. */
    public String scopeName() {
        return scopeName;
    }
}
