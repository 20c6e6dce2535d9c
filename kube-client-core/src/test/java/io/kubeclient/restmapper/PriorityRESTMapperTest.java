package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityRESTMapperTest {

    private static final String ANY = PriorityRESTMapper.ANY;

    private static RESTMapper delegate() {
        DefaultRESTMapper m = new DefaultRESTMapper(List.of());
        for (String gv : List.of("apps/v1", "apps/v1beta1", "extensions/v1beta1", "extensions/v1")) {
            m.add(GroupVersion.parse(gv).withKind("Deployment"), RESTScope.NAMESPACE);
        }
        return m;
    }

    private static GroupVersionResource gvr(String g, String v, String r) {
        return new GroupVersionResource(g, v, r);
    }

    @Test
    void firstPatternMatchingOneCandidateWins() {
        PriorityRESTMapper m = new PriorityRESTMapper(delegate(),
                List.of(gvr("batch", ANY, ANY), gvr("extensions", "v1", ANY), gvr("apps", ANY, ANY)), List.of());
        assertThat(m.resourceFor(gvr("", "", "deployments"))).isEqualTo(gvr("extensions", "v1", "deployments"));
    }

    @Test
    void patternsMatchingSeveralNarrowTheCandidates() {
        PriorityRESTMapper m = new PriorityRESTMapper(delegate(),
                List.of(gvr("apps", ANY, ANY), gvr(ANY, "v1beta1", ANY), gvr(ANY, "v1", ANY)),
                List.of(new GroupVersionKind("extensions", ANY, ANY), new GroupVersionKind(ANY, "v1", "Deployment")));
        // apps narrows to two; v1beta1 then picks the apps one, not extensions/v1beta1.
        assertThat(m.resourceFor(gvr("", "", "deployments"))).isEqualTo(gvr("apps", "v1beta1", "deployments"));
        assertThat(m.kindFor(gvr("", "", "deployment")))
                .isEqualTo(new GroupVersionKind("extensions", "v1", "Deployment"));
    }

    @Test
    void stillAmbiguousListsTheOriginalCandidates() {
        PriorityRESTMapper m = new PriorityRESTMapper(delegate(), List.of(gvr("apps", ANY, ANY)), List.of());
        assertThatThrownBy(() -> m.resourceFor(gvr("", "", "deployments")))
                .isInstanceOf(AmbiguousResourceException.class)
                .satisfies(e -> assertThat(((AmbiguousResourceException) e).matchingResources()).hasSize(4));
        assertThat(RESTMappers.isAmbiguousError(
                new RuntimeException(catchAmbiguous(() -> m.kindFor(gvr("", "", "deployments")))))).isTrue();
    }

    private static Throwable catchAmbiguous(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void delegateErrorsPassThrough() {
        PriorityRESTMapper m = new PriorityRESTMapper(delegate(), List.of(), List.of());
        assertThatThrownBy(() -> m.resourceFor(gvr("", "", "pods"))).isInstanceOf(NoResourceMatchException.class);
    }

    @Test
    void requestedVersionsComeBeforeKindPriorities() {
        DefaultRESTMapper multi = new DefaultRESTMapper(List.of(GroupVersion.parse("apps/v1"), GroupVersion.parse("apps/v1beta1")));
        multi.add(GroupVersion.parse("apps/v1").withKind("Deployment"), RESTScope.NAMESPACE);
        multi.add(GroupVersion.parse("apps/v1beta1").withKind("Deployment"), RESTScope.NAMESPACE);
        PriorityRESTMapper m = new PriorityRESTMapper(multi, List.of(),
                List.of(new GroupVersionKind("apps", "v1beta1", ANY)));

        assertThat(m.restMapping(new GroupKind("apps", "Deployment")).groupVersionKind().version()).isEqualTo("v1beta1");
        PriorityRESTMapper none = new PriorityRESTMapper(multi, List.of(), List.of());
        assertThatThrownBy(() -> none.restMapping(new GroupKind("apps", "Deployment")))
                .isInstanceOf(AmbiguousKindException.class)
                .hasMessage("apps/, Kind=Deployment matches multiple kinds [apps/v1, Kind=Deployment apps/v1beta1, Kind=Deployment]");
    }

    @Test
    void otherMethodsDelegateUnchanged() {
        PriorityRESTMapper m = new PriorityRESTMapper(delegate(), List.of(gvr("apps", "v1", ANY)), List.of());
        assertThat(m.resourcesFor(gvr("", "", "deployments"))).hasSize(4);
        assertThat(m.kindsFor(gvr("", "", "deployments"))).hasSize(4);
        assertThat(m.resourceSingularizer("deployments")).isEqualTo("deployment");
    }
}
