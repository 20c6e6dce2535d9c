/**
 * Spring test support: {@link io.kubeclient.testing.spring.AutoConfigureFakeApiServer} gives a
 * {@code @SpringBootTest} application a fake API server and the connection details that reach it.
 * Needs {@code spring-test} and, for the connection details, kube-client's auto-configuration.
 */
package io.kubeclient.testing.spring;
