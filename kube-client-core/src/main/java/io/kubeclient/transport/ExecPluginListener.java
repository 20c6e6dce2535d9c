package io.kubeclient.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Metrics hooks for exec credential plugins, like client-go's {@code ExecPluginCalls} and
 * {@code ClientCertExpiry}. Every method has a no-op default; implementations must be fast and
 * thread safe. Register one process-wide with {@link #register}, or pass one to an
 * {@link ExecAuthenticator}.
 */
public interface ExecPluginListener {

    /** Does nothing. */
    ExecPluginListener NOOP = new ExecPluginListener() {};

    /** How a plugin run ended. */
    enum Outcome {
        /** The plugin returned usable credentials. */
        SUCCESS,
        /** The command could not be found. */
        PLUGIN_NOT_FOUND,
        /** The plugin exited non-zero, could not start, or timed out. */
        PLUGIN_EXECUTION_ERROR,
        /** The plugin's output could not be used. */
        CLIENT_INTERNAL_ERROR
    }

    /**
     * Called after each plugin run.
     *
     * @param command the configured command
     * @param outcome how it ended
     * @param exitCode the exit code, or {@code -1} when the process did not exit by itself
     * @param duration how long the run took
     */
    default void pluginCalled(String command, Outcome outcome, int exitCode, Duration duration) {}

    /** Called when a plugin supplies a new client certificate, with its expiry. */
    default void clientCertificateRotated(String command, Instant notAfter) {}

    /** Registers the process-wide listener used by transports built from configs. */
    static void register(ExecPluginListener listener) {
        ExecPluginListeners.GLOBAL.set(Objects.requireNonNull(listener, "listener"));
    }

    /** The process-wide listener; {@link #NOOP} until one is registered. */
    static ExecPluginListener registered() {
        return ExecPluginListeners.GLOBAL.get();
    }

}
