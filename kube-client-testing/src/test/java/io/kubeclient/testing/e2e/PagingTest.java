package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.kubernetes.PaginationExpiredException;
import io.kubeclient.testing.EnableFakeApiServer;
import io.kubeclient.testing.FakeApiServer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code limit}/{@code continue} paging through the typed clients, including expired continue tokens. */
@EnableFakeApiServer
class PagingTest {

    static final int COUNT = 130;

    Clientset cs;
    FakeApiServer server;
    static final AtomicInteger listRequests = new AtomicInteger();

    @BeforeEach
    void seed() {
        if (server.list(ConfigMap.class, "paging").size() == COUNT) {
            return;
        }
        cs.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName("paging").endMetadata()
                .build());
        for (int i = 0; i < COUNT; i++) {
            server.put(configMapIn("paging", String.format("cm-%03d", i)));
        }
        // Counts the list requests reaching the server without changing them.
        server.faults().addLatency(r -> r.method().equals("GET") && r.path().endsWith("/namespaces/paging/configmaps")
                && listRequests.incrementAndGet() < 0, java.time.Duration.ZERO);
    }

    private static ConfigMap configMapIn(String ns, String name) {
        ConfigMap cm = configMap(name, "k", name);
        cm.getMetadata().setNamespace(ns);
        return cm;
    }

    @Test
    void onePageCarriesAContinueTokenAndTheRemainingCount() {
        ConfigMapList page = cs.coreV1().configMaps("paging").list(ListOptions.builder().limit(50).build());

        assertThat(page.getItems()).hasSize(50);
        assertThat(page.getMetadata().getContinue()).isNotEmpty();
        assertThat(page.getMetadata().getRemainingItemCount()).isEqualTo(COUNT - 50L);

        ConfigMapList next = cs.coreV1().configMaps("paging").list(ListOptions.builder().limit(50)
                .continueToken(page.getMetadata().getContinue()).build());
        assertThat(next.getItems().get(0).getMetadata().getName()).isEqualTo("cm-050");
    }

    @Test
    void listAllWalksEveryPageInOrder() {
        int before = listRequests.get();

        List<String> names = cs.coreV1().configMaps("paging").listAll(ListOptions.builder().limit(25).build())
                .map(c -> c.getMetadata().getName()).toList();

        assertThat(names).containsExactlyElementsOf(
                IntStream.range(0, COUNT).mapToObj(i -> String.format("cm-%03d", i)).toList());
        assertThat(listRequests.get() - before).isEqualTo(6); // 130 / 25, rounded up
    }

    @Test
    void listAllReadsAConsistentSnapshot() {
        Iterator<ConfigMap> it = cs.coreV1().configMaps("paging").listAll(ListOptions.builder().limit(40).build())
                .iterator();
        it.next();
        cs.coreV1().configMaps("paging").create(configMap("cm-999-late", "k", "v"));
        try {
            int seen = 1;
            while (it.hasNext()) {
                assertThat(it.next().getMetadata().getName()).isNotEqualTo("cm-999-late");
                seen++;
            }
            assertThat(seen).isEqualTo(COUNT);
        } finally {
            cs.coreV1().configMaps("paging").delete("cm-999-late");
        }
    }

    @Test
    void anExpiredContinueTokenIsGoneAndListAllSaysToStartAgain() {
        ConfigMapList first = cs.coreV1().configMaps("paging").list(ListOptions.builder().limit(10).build());
        Iterator<ConfigMap> it = cs.coreV1().configMaps("paging").listAll(ListOptions.builder().limit(10).build())
                .iterator();
        for (int i = 0; i < 10; i++) {
            it.next();
        }

        // As etcd: compacting at the current revision keeps it readable, so move past the tokens' revision first.
        cs.coreV1().configMaps("default").create(configMap("paging-later-write", "k", "v"));
        server.compact();

        assertThatThrownBy(() -> cs.coreV1().configMaps("paging").list(ListOptions.builder().limit(10)
                .continueToken(first.getMetadata().getContinue()).build()))
                .satisfies(e -> assertThat(Errors.isResourceExpired(e)).isTrue())
                .hasMessageContaining("continue");
        assertThatThrownBy(it::hasNext)
                .isInstanceOf(PaginationExpiredException.class)
                .hasMessageContaining("expired after 1 page(s)")
                .hasMessageContaining("list again from the start")
                .satisfies(e -> assertThat(Errors.isResourceExpired(e.getCause())).isTrue());
        assertThat(cs.coreV1().configMaps("paging").listAll(ListOptions.builder().limit(10).build()).count())
                .isEqualTo(COUNT);
    }
}
