/**
 * Metrics hooks for clients: {@link io.kubeclient.rest.metrics.ClientMetrics}, a listener with
 * no-op defaults, registered process wide or given to one client. Kept free of any metrics library;
 * the Spring module binds it to Micrometer. It lives beside {@code rest} because it reports on
 * requests; {@code flowcontrol} stays free of HTTP concerns.
 */
package io.kubeclient.rest.metrics;
