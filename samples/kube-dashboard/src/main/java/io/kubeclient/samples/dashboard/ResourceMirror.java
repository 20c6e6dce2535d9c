package io.kubeclient.samples.dashboard;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.kubernetes.ResourceClient;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.RetryWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local copy of one resource kept current by list-then-watch, a minimal informer: it lists, then
 * watches from the list's resourceVersion with a {@link RetryWatcher} (which reconnects after
 * disconnects without losing events), and lists again when the watch reports 410 Gone or fails.
 * Every change is applied under the shared lock and reported to the listener in order.
 *
 * @param <T> the object type
 */
final class ResourceMirror<T extends HasMetadata> {

    private static final Logger log = LoggerFactory.getLogger(ResourceMirror.class);

    /** Receives the mirror's changes, under the shared lock. */
    interface Listener<T extends HasMetadata> {

        /** The mirror was (re)filled from a list: {@code items} is the whole content. */
        void resynced(ResourceMirror<T> mirror, List<T> items);

        /** One object was added, modified or deleted. */
        void changed(ResourceMirror<T> mirror, EventType type, T object);
    }

    private final String kind;
    private final ResourceClient<T, ? extends KubernetesResourceList<T>> client;
    private final Object lock;
    private final Listener<T> listener;
    private final Map<String, T> items = new ConcurrentHashMap<>();
    private final CountDownLatch synced = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile RetryWatcher<T> watcher;
    private volatile int relists;
    private Thread thread;

    ResourceMirror(String kind, ResourceClient<T, ? extends KubernetesResourceList<T>> client, Object lock,
            Listener<T> listener) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.client = Objects.requireNonNull(client, "client");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The resource's name as the page calls it: {@code namespace}, {@code deployment}, {@code pod}. */
    String kind() {
        return this.kind;
    }

    /** The current objects; call under the shared lock for a consistent view across mirrors. */
    List<T> items() {
        return new ArrayList<>(this.items.values());
    }

    /** How many times the mirror has listed (1 after the first list). */
    int lists() {
        return this.relists;
    }

    /** Waits until the first list has been applied. */
    boolean awaitSynced(Duration timeout) throws InterruptedException {
        return this.synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void start() {
        if (this.thread == null) {
            this.thread = new Thread(this::run, "mirror-" + this.kind);
            this.thread.setDaemon(true);
            this.thread.start();
        }
    }

    synchronized void stop() {
        this.stopped = true;
        RetryWatcher<T> w = this.watcher;
        if (w != null) {
            w.stop();
        }
        if (this.thread != null) {
            this.thread.interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (!this.stopped) {
            try {
                listAndWatch();
                backoff = Duration.ofMillis(500);
            } catch (RuntimeException e) {
                if (this.stopped) {
                    return;
                }
                log.warn("{} list/watch failed, retrying in {} ms: {}", this.kind, backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void listAndWatch() {
        KubernetesResourceList<T> list = this.client.list();
        synchronized (this.lock) {
            this.items.clear();
            for (T item : list.getItems()) {
                this.items.put(key(item), item);
            }
            this.relists++;
            this.listener.resynced(this, items());
        }
        this.synced.countDown();
        String rv = list.getMetadata().getResourceVersion();
        RetryWatcher<T> w = RetryWatcher.create(rv, (from) -> this.client
                .watch(ListOptions.builder().resourceVersion(from).allowWatchBookmarks(true).build()));
        this.watcher = w;
        if (this.stopped) {
            w.stop();
            return;
        }
        try (w) {
            for (Event<T> event : w) {
                if (event.type() == EventType.ERROR) {
                    // 410 Gone (or a fatal error): the watch cannot resume; list again.
                    log.info("{} watch ended with {}; listing again", this.kind,
                            (event.status() != null) ? event.status().getCode() + " " + event.status().getReason() : "an error");
                    return;
                }
                apply(event);
            }
        }
    }

    private void apply(Event<T> event) {
        T object = event.object();
        synchronized (this.lock) {
            if (event.type() == EventType.DELETED) {
                this.items.remove(key(object));
            } else {
                this.items.put(key(object), object);
            }
            this.listener.changed(this, event.type(), object);
        }
    }

    private static String key(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return (ns == null ? "" : ns) + "/" + o.getMetadata().getName();
    }
}
