/**
 * Watching resources, after apimachinery's {@code pkg/watch} and client-go's {@code tools/watch}:
 * {@link io.kubeclient.watch.Watch} and its {@link io.kubeclient.watch.Event}s, the incremental
 * {@link io.kubeclient.watch.StreamWatcher} that decodes a JSON watch body, and the
 * {@link io.kubeclient.watch.RetryWatcher} that resumes after disconnects.
 */
package io.kubeclient.watch;
