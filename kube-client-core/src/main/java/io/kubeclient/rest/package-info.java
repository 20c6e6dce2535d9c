/**
 * Talking to one API server: {@link io.kubeclient.rest.RestConfig}, {@link io.kubeclient.rest.RESTClient},
 * {@link io.kubeclient.rest.Request} and {@link io.kubeclient.rest.Result}, the Java form of client-go's
 * {@code rest} package, with its URL rules, rate limiting, retries and warning handling.
 */
package io.kubeclient.rest;
