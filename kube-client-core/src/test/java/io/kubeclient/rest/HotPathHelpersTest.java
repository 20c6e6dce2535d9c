package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.apimachinery.errors.StatusException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcuts taken on the request path give the same answers as the slow paths they skip. */
class HotPathHelpersTest extends RestTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/v1/namespaces/ns/pods/web|/api/v1/namespaces/ns/pods/web",
        "/|/",
        "a/b|a/b",
        ".|.",
        "''|.",
        "//api//v1/|/api/v1",
        "/api/./v1|/api/v1",
        "/api/x/../v1|/api/v1",
        "/..|/",
        "../a|../a",
        "a/..|.",
        "/api/v1/|/api/v1",
        "/a/.b/..c/c..|/a/.b/..c/c..",
        "/a/b/.|/a/b",
        "/a/b/..|/a",
    })
    void cleanMatchesGoPathClean(String path, String expected) {
        assertThat(UrlParts.clean(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", " Application/JSON ;x", "\tapplication/json\n",
        "application/json;", "application/jsonx", "application/jso", "application/yaml", "", ";application/json",
        "text/plain", "application/json ; a;b", "appl\u0130cation/json", "application/j\u017Fon", "APPLICATION/JSON",
        "application/vnd.kubernetes.protobuf", "application/json-patch+json", "\u212Aapplication/json"})
    void isJsonMatchesTheSplitTrimLowerCaseCheck(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        assertThat(Result.isJson(contentType)).as(contentType).isEqualTo(media.equals("application/json"));
    }

    @Test
    void envBackoffIsReadOnceAndStillFreshPerRequestWhenSet() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        java.util.function.Supplier<io.kubeclient.flowcontrol.BackoffManager> none = RESTClient.envBackoff(name -> {
            asked.add(name);
            return null;
        });
        int lookups = asked.size();
        assertThat(none.get()).isSameAs(io.kubeclient.flowcontrol.BackoffManager.noBackoff());
        assertThat(none.get()).isSameAs(io.kubeclient.flowcontrol.BackoffManager.noBackoff());
        assertThat(asked).hasSize(lookups);

        java.util.function.Supplier<io.kubeclient.flowcontrol.BackoffManager> set = RESTClient.envBackoff(
                name -> name.equals("KUBE_CLIENT_BACKOFF_BASE") ? "1" : name.equals("KUBE_CLIENT_BACKOFF_DURATION") ? "10" : null);
        assertThat(set.get()).isNotSameAs(io.kubeclient.flowcontrol.BackoffManager.noBackoff()).isNotSameAs(set.get());
    }

    @Test
    void mayBeStatusIsFalseOnlyWithoutTheWordOrAnEscape() {
        assertThat(Result.mayBeStatus(bytes("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"}}"))).isFalse();
        assertThat(Result.mayBeStatus(bytes("{\"kind\":\"Status\"}"))).isTrue();
        assertThat(Result.mayBeStatus(bytes("{\"kind\":\"Pod\",\"status\":{\"phase\":\"Stat\"}}"))).isFalse();
        assertThat(Result.mayBeStatus(bytes("{\"kind\":\"\\u0053tatus\"}"))).isTrue();
        assertThat(Result.mayBeStatus(bytes("Status"))).isTrue();
        assertThat(Result.mayBeStatus(bytes("Statu"))).isFalse();
    }

    @Test
    void failureStatusWrittenWithEscapesIsStillAnError() {
        enqueueJson(200, "{\"kind\":\"\\u0053tatus\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
        try {
            client().get().execute().into(Pod.class);
            throw new AssertionError("expected a StatusException");
        } catch (StatusException e) {
            assertThat(e.status().getReason()).isEqualTo("NotFound");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
