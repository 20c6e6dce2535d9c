package io.kubeclient.testing;

/** The query parameters every write accepts. */
record WriteOptions(boolean dryRun, String fieldManager, boolean force) {

    static final WriteOptions NONE = new WriteOptions(false, null, false);
}
