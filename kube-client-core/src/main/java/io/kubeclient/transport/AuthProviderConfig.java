package io.kubeclient.transport;

import java.util.Map;
import java.util.Objects;

/**
 * A legacy auth-provider entry of a kubeconfig user ({@code auth-provider: {name, config}}).
 * Only {@code oidc} still works; {@code gcp} and {@code azure} fail with client-go's "removed"
 * error.
 *
 * @param name the provider name
 * @param config the provider's settings; values may be secrets and are never printed
 */
public record AuthProviderConfig(String name, Map<String, String> config) {

    public AuthProviderConfig {
        Objects.requireNonNull(name, "name");
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    @Override
    public String toString() {
        return "AuthProviderConfig[name=" + name + ", config=--- REDACTED ---]";
    }
}
