package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.apimachinery.errors.StatusException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
