package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static io.kubeclient.testing.e2e.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.kubernetes.ResourceClient;
import io.kubeclient.testing.FakeApiServer;
import io.kubeclient.testing.FakeApiServerExtension;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.RetryWatcher;
import io.kubeclient.watch.Watch;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watches through the typed clients, the RESTClient and {@link RetryWatcher}. */
class WatchThroughClientsTest {

    @RegisterExtension
    static final FakeApiServerExtension KUBE = new FakeApiServerExtension(b -> b.bookmarkInterval(Duration.ofMillis(100)));

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    Clientset cs;
    FakeApiServer server;

    /** A fresh namespace per test, so one test's writes never show up in another's watch. */
    private String namespace() {
        String ns = "watch-" + NAMESPACES.incrementAndGet();
        cs.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
        return ns;
    }

    @Test
    void resourceWatchSeesAddedModifiedAndDeletedInOrder() {
        String ns = namespace();
        ResourceClient<ConfigMap, ?> cms = cs.coreV1().configMaps(ns);
        String rv = cms.list().getMetadata().getResourceVersion();

        try (Events<ConfigMap> events = Events.of(cms.watch(ListOptions.builder().resourceVersion(rv).build()))) {
            ConfigMap created = cms.create(configMap("w", "k", "1"));
            cms.patch("w", PatchType.MERGE, "{\"data\":{\"k\":\"2\"}}");
            cms.delete("w");

            List<Event<ConfigMap>> got = events.nextChanges(3);
            assertThat(got).extracting(Event::type)
                    .containsExactly(EventType.ADDED, EventType.MODIFIED, EventType.DELETED);
            assertThat(got.get(0).object().getMetadata().getResourceVersion())
                    .isEqualTo(created.getMetadata().getResourceVersion());
            assertThat(got.get(1).object().getData()).containsEntry("k", "2");
        }
    }

    @Test
    void requestWatchThroughTheRestClientDecodesTypedEvents() {
        String ns = namespace();
        cs.coreV1().pods(ns).create(pod("existing"));

        // No resourceVersion: the current state first, as ADDED.
        Watch<Pod> watch = cs.coreV1().restClient().get().namespace(ns).resource("pods").watch(Pod.class);
        try (Events<Pod> events = Events.of(watch)) {
            assertThat(events.nextChange()).satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.ADDED);
                assertThat(e.object().getMetadata().getName()).isEqualTo("existing");
            });
            cs.coreV1().pods(ns).create(pod("new"));
            assertThat(events.nextChange().object().getMetadata().getName()).isEqualTo("new");
        }
    }

    @Test
    void bookmarksCarryTheCurrentResourceVersionWhenAllowed() {
        String ns = namespace();
        String rv = cs.coreV1().configMaps(ns).list().getMetadata().getResourceVersion();

        try (Events<ConfigMap> events = Events.of(cs.coreV1().configMaps(ns).watch(
                ListOptions.builder().resourceVersion(rv).allowWatchBookmarks(true).build()))) {
            Event<ConfigMap> bookmark = events.next();
            assertThat(bookmark.type()).isEqualTo(EventType.BOOKMARK);
            assertThat(Long.parseLong(bookmark.object().getMetadata().getResourceVersion()))
                    .isGreaterThanOrEqualTo(Long.parseLong(rv));
            assertThat(bookmark.object().getData()).isNullOrEmpty();
        }
    }

    @Test
    void labelSelectorTurnsObjectsEnteringAndLeavingIntoAddedAndDeleted() {
        String ns = namespace();
        var pods = cs.coreV1().pods(ns);
        String rv = pods.list().getMetadata().getResourceVersion();

        try (Events<Pod> events = Events.of(pods.watch(ListOptions.builder().resourceVersion(rv)
                .labelSelector("app in (web),tier!=db").build()))) {
            pods.create(pod("other", "app", "batch"));
            pods.create(pod("db", "app", "web", "tier", "db"));
            pods.patch("other", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
            pods.patch("other", PatchType.MERGE, "{\"metadata\":{\"annotations\":{\"seen\":\"yes\"}}}");
            pods.patch("other", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"gone\"}}}");
            pods.create(pod("marker", "app", "web"));

            List<Event<Pod>> got = events.nextChanges(4);
            assertThat(got).extracting(e -> e.type() + " " + e.object().getMetadata().getName())
                    .containsExactly("ADDED other", "MODIFIED other", "DELETED other", "ADDED marker");
            assertThat(events.drain()).allMatch(e -> e.type() == EventType.BOOKMARK);
        }
    }

    @Test
    void compactionEndsAWatchWithA410Error() {
        String ns = namespace();
        String rv = cs.coreV1().configMaps(ns).list().getMetadata().getResourceVersion();

        try (Events<ConfigMap> events = Events.of(cs.coreV1().configMaps(ns).watch(
                ListOptions.builder().resourceVersion(rv).build()))) {
            cs.coreV1().configMaps(ns).create(configMap("before", "k", "v"));
            assertThat(events.nextChange().type()).isEqualTo(EventType.ADDED);

            server.compact();

            Event<ConfigMap> error = events.nextChange();
            assertThat(error.type()).isEqualTo(EventType.ERROR);
            assertThat(error.status().getCode()).isEqualTo(410);
            assertThat(error.status().getReason()).isEqualTo("Expired");
            assertThat(events.awaitEnd()).isEmpty();
        }
        // A new watch from the old resource version is refused the same way.
        try (Events<ConfigMap> events = Events.of(cs.coreV1().configMaps(ns).watch(
                ListOptions.builder().resourceVersion(rv).build()))) {
            assertThat(events.next().status().getCode()).isEqualTo(410);
        }
    }

    @Test
    void retryWatcherResumesAcrossCutWatchesWithoutLosingOrRepeatingEvents() {
        String ns = namespace();
        ResourceClient<ConfigMap, ?> cms = cs.coreV1().configMaps(ns);
        String rv = cms.list().getMetadata().getResourceVersion();
        AtomicInteger starts = new AtomicInteger();
        RetryWatcher<ConfigMap> watcher = RetryWatcher.builder(rv, (String from) -> {
            starts.incrementAndGet();
            return cms.watch(ListOptions.builder().resourceVersion(from).allowWatchBookmarks(true).build());
        }).restartInterval(Duration.ZERO).build();

        try (Events<ConfigMap> events = Events.of(watcher)) {
            for (int i = 0; i < 30; i++) {
                cms.create(configMap("a-" + i, "k", "v"));
            }
            assertThat(events.nextChange().object().getMetadata().getName()).isEqualTo("a-0");
            server.faults().cutWatches();
            for (int i = 0; i < 30; i++) {
                cms.create(configMap("b-" + i, "k", "v"));
            }
            server.faults().cutWatches();
            for (int i = 0; i < 30; i++) {
                cms.create(configMap("c-" + i, "k", "v"));
            }

            List<Event<ConfigMap>> rest = events.nextChanges(89);
            Set<String> names = new LinkedHashSet<>();
            names.add("a-0");
            rest.forEach(e -> {
                assertThat(e.type()).isEqualTo(EventType.ADDED);
                assertThat(names.add(e.object().getMetadata().getName())).as("no duplicate").isTrue();
            });
            assertThat(names).hasSize(90).endsWith("c-29");
            assertThat(starts.get()).isGreaterThanOrEqualTo(2);
            assertThat(events.drain()).isEmpty();
        }
    }

    @Test
    void aWatchThroughTheClientLosesNothingUnderTenThousandRapidWrites() {
        String ns = namespace();
        ResourceClient<ConfigMap, ?> cms = cs.coreV1().configMaps(ns);
        String rv = cms.list().getMetadata().getResourceVersion();
        int writes = 10_000;

        try (Events<ConfigMap> events = Events.of(cms.watch(ListOptions.builder().resourceVersion(rv).build()))) {
            for (int i = 0; i < writes; i++) {
                ConfigMap cm = configMap("burst-" + i, "i", Integer.toString(i));
                cm.getMetadata().setNamespace(ns);
                server.put(cm);
            }

            long last = Long.parseLong(rv);
            for (int i = 0; i < writes; i++) {
                Event<ConfigMap> e = events.nextChange();
                assertThat(e.object().getData()).containsEntry("i", Integer.toString(i));
                long eventRv = Long.parseLong(e.object().getMetadata().getResourceVersion());
                assertThat(eventRv).isGreaterThan(last);
                last = eventRv;
            }
        }
    }

    @Test
    void retryWatcherForwardsA410AndEnds() {
        String ns = namespace();
        ResourceClient<ConfigMap, ?> cms = cs.coreV1().configMaps(ns);
        String rv = cms.list().getMetadata().getResourceVersion();
        RetryWatcher<ConfigMap> watcher = RetryWatcher.<ConfigMap>builder(rv,
                from -> cms.watch(ListOptions.builder().resourceVersion(from).build()))
                .restartInterval(Duration.ZERO).build();

        try (Events<ConfigMap> events = Events.of(watcher)) {
            cms.create(configMap("x", "k", "v"));
            assertThat(events.nextChange().type()).isEqualTo(EventType.ADDED);
            server.compact();

            Event<ConfigMap> error = events.nextChange();
            assertThat(error.type()).isEqualTo(EventType.ERROR);
            assertThat(error.status().getCode()).isEqualTo(410);
            assertThat(events.awaitEnd()).isEmpty();
            assertThat(events.failure()).isNull();
        }
    }
}
