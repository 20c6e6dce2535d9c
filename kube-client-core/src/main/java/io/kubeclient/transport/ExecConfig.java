package io.kubeclient.transport;

import java.util.List;
import java.util.Objects;

/**
 * An exec credential plugin, as the {@code exec} entry of a kubeconfig user.
 *
 * @param apiVersion {@code client.authentication.k8s.io/v1} or {@code .../v1beta1}
 * @param command the program to run; a relative path containing a slash has already been
 *     resolved against the kubeconfig's directory
 * @param args its arguments
 * @param env extra environment variables, added to the process environment
 * @param installHint shown when the command cannot be found
 * @param provideClusterInfo whether {@code KUBERNETES_EXEC_INFO} carries the cluster
 * @param interactiveMode whether the plugin may use standard input
 * @param clusterExtension the cluster's {@code client.authentication.k8s.io/exec} extension,
 *     passed as {@code spec.cluster.config}; may be {@code null}
 */
public record ExecConfig(
        String apiVersion,
        String command,
        List<String> args,
        List<EnvVar> env,
        String installHint,
        boolean provideClusterInfo,
        InteractiveMode interactiveMode,
        Object clusterExtension) {

    public ExecConfig {
        Objects.requireNonNull(command, "command");
        apiVersion = apiVersion == null ? "" : apiVersion;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        installHint = installHint == null ? "" : installHint;
        interactiveMode = interactiveMode == null ? InteractiveMode.IF_AVAILABLE : interactiveMode;
    }

    /** One environment variable for the plugin. Its value may be a secret and is never printed. */
    public record EnvVar(String name, String value) {
        public EnvVar {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }

        // Written out: a record's generated equals and hashCode are bootstrapped on first use, which
        // costs an application a few milliseconds at start (the transport cache compares configs).
        @Override
        public boolean equals(Object o) {
            return o instanceof EnvVar other && name.equals(other.name) && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + value.hashCode();
        }

        @Override
        public String toString() {
            return name + "=--- REDACTED ---";
        }
    }

    /** The kubeconfig {@code interactiveMode} values. */
    public enum InteractiveMode {
        NEVER("Never"),
        IF_AVAILABLE("IfAvailable"),
        ALWAYS("Always");

        private final String wireName;

        InteractiveMode(String wireName) {
            this.wireName = wireName;
        }

        /** The name as written in a kubeconfig. */
        public String wireName() {
            return wireName;
        }

        /** Parses a kubeconfig value; empty means {@code IfAvailable}. */
        public static InteractiveMode fromWireName(String value) {
            if (value == null || value.isEmpty()) {
                return IF_AVAILABLE;
            }
            for (InteractiveMode m : values()) {
                if (m.wireName.equals(value)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("invalid interactiveMode: " + value + " (want Never, IfAvailable or Always)");
        }
    }

    // Written out for the reason given in EnvVar.
    @Override
    public boolean equals(Object o) {
        return o instanceof ExecConfig other && apiVersion.equals(other.apiVersion) && command.equals(other.command)
                && args.equals(other.args) && env.equals(other.env) && installHint.equals(other.installHint)
                && provideClusterInfo == other.provideClusterInfo && interactiveMode == other.interactiveMode
                && Objects.equals(clusterExtension, other.clusterExtension);
    }

    @Override
    public int hashCode() {
        int h = apiVersion.hashCode();
        h = 31 * h + command.hashCode();
        h = 31 * h + args.hashCode();
        h = 31 * h + env.hashCode();
        h = 31 * h + installHint.hashCode();
        h = 31 * h + Boolean.hashCode(provideClusterInfo);
        h = 31 * h + interactiveMode.hashCode();
        return 31 * h + Objects.hashCode(clusterExtension);
    }

    @Override
    public String toString() {
        return "ExecConfig[apiVersion=" + apiVersion + ", command=" + command + ", args=" + args.size()
                + " args, env=" + env + ", provideClusterInfo=" + provideClusterInfo + ", interactiveMode="
                + interactiveMode.wireName() + "]";
    }
}
