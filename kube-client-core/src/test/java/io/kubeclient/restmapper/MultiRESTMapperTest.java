package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRESTMapperTest {

    private static DefaultRESTMapper single(String gv, String kind) {
        DefaultRESTMapper m = new DefaultRESTMapper(List.of(GroupVersion.parse(gv)));
        m.add(GroupVersion.parse(gv).withKind(kind), RESTScope.NAMESPACE);
        return m;
    }

    @Test
    void unionIgnoresMembersWithoutMatchAndDeduplicates() {
        MultiRESTMapper m = new MultiRESTMapper(List.of(single("apps/v1", "Deployment"), single("v1", "Pod"),
                single("apps/v1", "Deployment")));
        assertThat(m.resourcesFor(new GroupVersionResource("", "", "deployments"))).hasSize(1);
        assertThat(m.resourceFor(new GroupVersionResource("", "", "pod")))
                .isEqualTo(new GroupVersionResource("", "v1", "pods"));
        assertThatThrownBy(() -> m.kindsFor(new GroupVersionResource("", "", "jobs")))
                .isInstanceOf(NoResourceMatchException.class);
        assertThatThrownBy(() -> m.restMapping(new GroupKind("batch", "Job")))
                .isInstanceOf(NoKindMatchException.class);
    }

    @Test
    void severalMembersMappingTheKindIsAmbiguous() {
        MultiRESTMapper m = new MultiRESTMapper(List.of(single("apps/v1", "Deployment"), single("apps/v1beta1", "Deployment")));
        assertThatThrownBy(() -> m.restMapping(new GroupKind("apps", "Deployment")))
                .isInstanceOf(AmbiguousKindException.class);
        assertThat(m.restMappings(new GroupKind("apps", "Deployment"))).hasSize(2);
    }

    @Test
    void otherMemberErrorsAreRaised() {
        DefaultRESTMapper ok = single("v1", "Pod");
        RESTMapper failing = (RESTMapper) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RESTMapper.class}, (p, method, args) -> {
                    throw new KubeException("discovery is down");
                });
        MultiRESTMapper m = new MultiRESTMapper(List.of(ok, failing));
        assertThatThrownBy(() -> m.resourcesFor(new GroupVersionResource("", "", "pods"))).hasMessage("discovery is down");
        assertThatThrownBy(() -> m.restMappings(new GroupKind("", "Pod"))).hasMessage("discovery is down");
        assertThat(m.restMapping(new GroupKind("", "Pod")).resource().resource()).isEqualTo("pods");
    }

    @Test
    void noMatchPredicatesSeeThroughWrapping() {
        assertThat(RESTMappers.isNoMatchError(new RuntimeException(new NoKindMatchException(new GroupKind("a", "B"), List.of()))))
                .isTrue();
        assertThat(RESTMappers.isNoMatchError(new KubeException("x"))).isFalse();
        assertThat(RESTMappers.isNoMatchError(null)).isFalse();
        assertThat(RESTMappers.isAmbiguousError(new NoResourceMatchException(new GroupVersionResource("", "", "x")))).isFalse();
    }
}
