/**
 * Client-side flow control, after client-go's {@code util/flowcontrol}: the token-bucket
 * {@link io.kubeclient.flowcontrol.RateLimiter} ({@link io.kubeclient.flowcontrol.RateLimiters}),
 * per-key and per-server exponential backoff ({@link io.kubeclient.flowcontrol.Backoff},
 * {@link io.kubeclient.flowcontrol.BackoffManager}), the {@link io.kubeclient.flowcontrol.DeadlineTimer}
 * that request timeouts are armed on, and the {@link io.kubeclient.flowcontrol.Clock}
 * and {@link io.kubeclient.flowcontrol.Sleeper} seams with a {@link io.kubeclient.flowcontrol.FakeClock}
 * for exact tests. No HTTP here; request metrics hooks live in {@code io.kubeclient.rest.metrics}.
 */
package io.kubeclient.flowcontrol;
