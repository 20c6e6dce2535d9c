package io.kubeclient.transport;

import java.util.concurrent.atomic.AtomicReference;

/** Holds the process-wide {@link ExecPluginListener}. */
final class ExecPluginListeners {

    static final AtomicReference<ExecPluginListener> GLOBAL = new AtomicReference<>(ExecPluginListener.NOOP);

    private ExecPluginListeners() {}
}
