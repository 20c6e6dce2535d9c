package io.kubeclient.clientcmd.api;

import java.util.Map;
import java.util.Objects;

/**
 * A user's legacy {@code auth-provider} entry.
 *
 * @param name the provider, for example {@code oidc}
 * @param config its settings; values may be secrets and are never printed
 */
public record AuthProviderConfig(String name, Map<String, String> config) {

    public AuthProviderConfig {
        name = Immutables.str(name);
        config = Immutables.map(config);
    }

    @Override
    public String toString() {
        return "AuthProviderConfig[name=" + name + ", config=--- REDACTED ---]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthProviderConfig a && a.name.equals(name) && a.config.equals(config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, config);
    }
}
