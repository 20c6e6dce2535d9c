package io.kubeclient.flowcontrol;

/**
 * A monotonic time source in nanoseconds, like {@link System#nanoTime()}; injected so tests control time.
 *
 * <p>Only differences between two readings are meaningful.
 */
@FunctionalInterface
public interface Clock {

    /** The current reading in nanoseconds. */
    long nanoTime();

    /** The system clock, backed by {@link System#nanoTime()}. */
    static Clock system() {
        return System::nanoTime;
    }
}
