package io.kubeclient.watch;

/**
 * Starts a watch from a resourceVersion; what a {@link RetryWatcher} calls to (re)connect, like
 * client-go's {@code cache.WatchFunc}. Implementations should request bookmarks
 * ({@code allowWatchBookmarks=true}) so that resuming skips as little as possible.
 *
 * @param <T> the type of the watched objects
 */
@FunctionalInterface
public interface WatchFunc<T> {

    /**
     * Opens a watch that delivers the changes after {@code resourceVersion}.
     *
     * @throws RuntimeException when the watch cannot be established; the retry watcher decides
     *     from it whether to try again
     */
    Watch<T> watch(String resourceVersion);
}
