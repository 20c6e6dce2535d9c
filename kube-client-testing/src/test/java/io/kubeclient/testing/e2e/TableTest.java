package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.Table;
import io.kubeclient.testing.EnableFakeApiServer;
import io.kubeclient.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side printing through {@code Request.asTable()}. */
@EnableFakeApiServer
class TableTest {

    Clientset cs;
    FakeClock clock;

    @BeforeEach
    void seed() {
        if (cs.coreV1().namespaces().list().getItems().stream().noneMatch(n -> n.getMetadata().getName().equals("tables"))) {
            cs.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName("tables").endMetadata()
                    .build());
            cs.coreV1().pods("tables").create(pod("old"));
            clock.advance(Duration.ofMinutes(90));
            cs.coreV1().pods("tables").create(pod("young"));
            clock.advance(Duration.ofSeconds(42));
        }
    }

    @Test
    void listAsTableHasNameAndAgeColumnsAndMetadataByDefault() {
        Table table = cs.coreV1().restClient().get().namespace("tables").resource("pods").asTable().execute()
                .into(Table.class);

        assertThat(table.columnDefinitions()).extracting(Table.ColumnDefinition::name).startsWith("Name", "Age");
        assertThat(table.columnDefinitions().get(0).format()).isEqualTo("name");
        assertThat(table.rows()).extracting(r -> r.cells().get(0) + " " + r.cells().get(1))
                .containsExactly("old 90m", "young 42s");
        PartialObjectMetadata meta = table.rows().get(0).objectAs(PartialObjectMetadata.class);
        assertThat(meta.getKind()).isEqualTo("PartialObjectMetadata");
        assertThat(meta.getMetadata().getName()).isEqualTo("old");
        assertThat(table.metadata().getResourceVersion()).isNotEmpty();
    }

    @Test
    void includeObjectOptionsControlTheRowObject() {
        Table whole = cs.coreV1().restClient().get().namespace("tables").resource("pods").name("young")
                .asTable(Table.IncludeObject.OBJECT).execute().into(Table.class);
        Table none = cs.coreV1().restClient().get().namespace("tables").resource("pods")
                .asTable(Table.IncludeObject.NONE).execute().into(Table.class);

        assertThat(whole.rows()).singleElement().satisfies(r -> {
            Pod p = r.objectAs(Pod.class);
            assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        });
        assertThat(none.rows()).hasSize(2).allSatisfy(r -> assertThat(r.objectAs(Pod.class)).isNull());
    }
}
