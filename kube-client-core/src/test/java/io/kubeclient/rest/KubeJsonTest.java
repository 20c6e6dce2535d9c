package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class KubeJsonTest {

    record Sample(String name, Integer count) {}

    @Test
    void leavesOutNullValues() {
        assertThat(new String(KubeJson.toBytes(new Sample("a", null)))).isEqualTo("{\"name\":\"a\"}");
    }

    @Test
    void ignoresUnknownProperties() throws Exception {
        Sample s = KubeJson.readerFor(Sample.class).readValue("{\"name\":\"a\",\"count\":2,\"later\":true}");
        assertThat(s).isEqualTo(new Sample("a", 2));
    }

    @Test
    void roundTripsFabric8Models() throws Exception {
        Pod pod = new Pod();
        pod.setApiVersion("v1");
        pod.setKind("Pod");
        ObjectMeta meta = new ObjectMeta();
        meta.setName("web");
        pod.setMetadata(meta);
        byte[] json = KubeJson.toBytes(pod);
        assertThat(new String(json)).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"}}");
        assertThat((Pod) KubeJson.readerFor(Pod.class).readValue(json)).isEqualTo(pod);
    }

    @Test
    void cachesReadersPerType() {
        assertThat(KubeJson.readerFor(Pod.class)).isSameAs(KubeJson.readerFor(Pod.class));
        TypeReference<Map<String, List<String>>> a = new TypeReference<>() {};
        TypeReference<Map<String, List<String>>> b = new TypeReference<>() {};
        assertThat(KubeJson.readerFor(a)).isSameAs(KubeJson.readerFor(b));
    }
}
