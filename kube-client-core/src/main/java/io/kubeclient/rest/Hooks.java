package io.kubeclient.rest;

import java.time.Duration;

/** TEMPORARY stand-in for the flowcontrol metrics listener until flowwatch lands. */
interface Hooks {
    default void rateLimiterWait(String verb, String host, Duration waited) {}

    default void requestResult(String verb, String host, String resource, int code, Duration latency) {}

    default void retry(String verb, String host, String reason) {}

    Hooks NONE = new Hooks() {};
}
