package io.kubeclient.clientcmd.api;

import java.util.List;

/**
 * A user's {@code exec} credential plugin entry, as written in the kubeconfig.
 *
 * @param apiVersion the ExecCredential version, for example {@code client.authentication.k8s.io/v1}
 * @param command the program; relative paths with a slash are resolved against the file's directory on load
 * @param args its arguments
 * @param env extra environment variables
 * @param installHint shown when the command is missing
 * @param provideClusterInfo whether the plugin receives the cluster in {@code KUBERNETES_EXEC_INFO}
 * @param interactiveMode {@code Never}, {@code IfAvailable} or {@code Always}; empty when unset
 */
public record ExecConfig(String apiVersion, String command, List<String> args, List<EnvVar> env, String installHint,
        boolean provideClusterInfo, String interactiveMode) {

    public ExecConfig {
        apiVersion = Immutables.str(apiVersion);
        command = Immutables.str(command);
        args = Immutables.list(args);
        env = Immutables.list(env);
        installHint = Immutables.str(installHint);
        interactiveMode = Immutables.str(interactiveMode);
    }

    /** This entry with another command. */
    public ExecConfig withCommand(String newCommand) {
        return new ExecConfig(apiVersion, newCommand, args, env, installHint, provideClusterInfo, interactiveMode);
    }

    /** This entry with another interactive mode. */
    public ExecConfig withInteractiveMode(String mode) {
        return new ExecConfig(apiVersion, command, args, env, installHint, provideClusterInfo, mode);
    }

    /** Arguments and environment values are left out: plugins are often given secrets there. */
    @Override
    public String toString() {
        return "ExecConfig[apiVersion=" + apiVersion + ", command=" + command + ", args=" + args.size() + " args, env="
                + env + ", provideClusterInfo=" + provideClusterInfo + ", interactiveMode=" + interactiveMode + "]";
    }

    /**
     * One variable of the plugin's environment.
     *
     * @param name the variable name
     * @param value its value; may be a secret and is never printed
     */
    public record EnvVar(String name, String value) {
        public EnvVar {
            name = Immutables.str(name);
            value = Immutables.str(value);
        }

        @Override
        public String toString() {
            return name + "=--- REDACTED ---";
        }
    }
}
