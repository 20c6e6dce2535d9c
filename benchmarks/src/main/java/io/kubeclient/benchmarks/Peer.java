package io.kubeclient.benchmarks;

/**
 * One client under test. Each implementation lists the 5,000 pods, gets the ConfigMap and reads
 * the whole watch stream from the same {@link BenchServer}, decoding into its own typed models.
 */
interface Peer extends AutoCloseable {

    /** Lists every pod and returns the list (so the decoded objects stay live). */
    Object list() throws Exception;

    /** Gets the ConfigMap. */
    Object get() throws Exception;

    /** Reads the whole watch stream and returns how many events carried an object. */
    long watch() throws Exception;

    @Override
    void close();
}
