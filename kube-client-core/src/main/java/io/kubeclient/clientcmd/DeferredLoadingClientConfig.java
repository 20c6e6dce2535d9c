package io.kubeclient.clientcmd;

import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RestConfig;
import java.nio.file.Path;

/**
 * Loads the kubeconfig on first use and falls back to in-cluster configuration when nothing is
 * configured: client-go's {@code DeferredLoadingClientConfig}.
 */
final class DeferredLoadingClientConfig implements ClientConfig {

    private final ClientConfigLoader loader;
    private final ConfigOverrides overrides;
    private final InClusterConfig inCluster;
    private DirectClientConfig loaded;

    DeferredLoadingClientConfig(ClientConfigLoader loader, ConfigOverrides overrides, InClusterConfig inCluster) {
        this.loader = loader;
        this.overrides = overrides == null ? ConfigOverrides.NONE : overrides;
        this.inCluster = inCluster;
    }

    private synchronized DirectClientConfig direct() {
        if (loaded == null) {
            Config config = loader.load();
            loaded = new DirectClientConfig(config, overrides.currentContext(), overrides);
        }
        return loaded;
    }

    @Override
    public RestConfig clientConfig() {
        DirectClientConfig direct = direct();
        try {
            return direct.clientConfig();
        } catch (ConfigurationInvalidException e) {
            if (!e.isEmptyConfig() || !inCluster.isPossible()) {
                throw e;
            }
        }
        return inClusterWithOverrides();
    }

    /** In-cluster config takes only the server, token (or token file) and CA file overrides. */
    private RestConfig inClusterWithOverrides() {
        RestConfig.Builder b = inCluster.restConfig().toBuilder();
        if (!overrides.clusterInfo().server().isEmpty()) {
            b.host(overrides.clusterInfo().server());
        }
        String token = overrides.authInfo().token();
        String tokenFile = overrides.authInfo().tokenFile();
        if (!token.isEmpty() || !tokenFile.isEmpty()) {
            b.bearerToken(token).bearerTokenFile(tokenFile.isEmpty() ? null : Path.of(tokenFile));
        }
        if (!overrides.clusterInfo().certificateAuthority().isEmpty()) {
            b.caFile(Path.of(overrides.clusterInfo().certificateAuthority()));
        }
        return b.build();
    }

    @Override
    public Namespace namespace() {
        DirectClientConfig direct = direct();
        Namespace ns;
        try {
            ns = direct.namespace();
        } catch (ConfigurationInvalidException e) {
            if (!e.isEmptyConfig() || !inCluster.isPossible()) {
                throw e;
            }
            return new Namespace(inCluster.namespace(), false);
        }
        if (ns.overridden() || !inCluster.isPossible()) {
            return ns;
        }
        if (!ns.name().equals("default")) {
            return ns;
        }
        Config raw = direct.rawConfig();
        String current = overrides.currentContext().isEmpty() ? raw.currentContext() : overrides.currentContext();
        Context ctx = raw.contexts().get(current);
        if (ctx != null && !ctx.namespace().isEmpty()) {
            return ns;
        }
        return new Namespace(inCluster.namespace(), false);
    }

    @Override
    public Config rawConfig() {
        return direct().rawConfig();
    }
}
