package io.kubeclient.clientcmd;

import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Context;

/**
 * Values that replace those of the kubeconfig, usually from command-line flags: client-go's
 * {@code ConfigOverrides}. Only non-empty values override; a {@code false} never clears a
 * {@code true} from the file.
 *
 * <p>Special rules when a config is built: overriding the server or the TLS server name
 * replaces the file's {@code tls-server-name} (so {@code --server} alone clears it); overriding
 * insecure or the CA replaces all three of insecure, CA file and CA data; overriding the client
 * key (or certificate) replaces both its file and data fields.
 *
 * @param authInfo fields merged over the selected user
 * @param clusterDefaults fields under the selected cluster
 * @param clusterInfo fields merged over the selected cluster
 * @param context fields merged over the selected context (cluster, user and namespace names)
 * @param currentContext the context to use instead of the file's {@code current-context}
 * @param timeout request timeout as {@code --request-timeout} takes it, or empty
 */
public record ConfigOverrides(AuthInfo authInfo, Cluster clusterDefaults, Cluster clusterInfo, Context context,
        String currentContext, String timeout) {

    /** No overrides. */
    public static final ConfigOverrides NONE = builder().build();

    public ConfigOverrides {
        authInfo = authInfo == null ? AuthInfo.EMPTY : authInfo;
        clusterDefaults = clusterDefaults == null ? Cluster.EMPTY : clusterDefaults;
        clusterInfo = clusterInfo == null ? Cluster.EMPTY : clusterInfo;
        context = context == null ? Context.EMPTY : context;
        currentContext = currentContext == null ? "" : currentContext;
        timeout = timeout == null ? "" : timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().authInfo(authInfo).clusterDefaults(clusterDefaults).clusterInfo(clusterInfo)
                .context(context).currentContext(currentContext).timeout(timeout);
    }

    /** Builds {@link ConfigOverrides}. */
    public static final class Builder {
        private AuthInfo authInfo;
        private Cluster clusterDefaults;
        private Cluster clusterInfo;
        private Context context;
        private String currentContext;
        private String timeout;

        private Builder() {}

        public Builder authInfo(AuthInfo v) {
            authInfo = v;
            return this;
        }

        public Builder clusterDefaults(Cluster v) {
            clusterDefaults = v;
            return this;
        }

        public Builder clusterInfo(Cluster v) {
            clusterInfo = v;
            return this;
        }

        public Builder context(Context v) {
            context = v;
            return this;
        }

        public Builder currentContext(String v) {
            currentContext = v;
            return this;
        }

        /** A request timeout: integer seconds or a Go duration such as {@code 30s} or {@code 1m30s}. */
        public Builder timeout(String v) {
            timeout = v;
            return this;
        }

        public ConfigOverrides build() {
            return new ConfigOverrides(authInfo, clusterDefaults, clusterInfo, context, currentContext, timeout);
        }
    }
}
