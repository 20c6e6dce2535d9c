/**
 * The {@link io.kubeclient.kubernetes.Clientset}: typed clients for every built-in API group/version,
 * on fabric8 model classes. client-go's {@code kubernetes} package and its generated typed clients,
 * written once as {@link io.kubeclient.kubernetes.ResourceClient} and thin per-group classes.
 */
package io.kubeclient.kubernetes;
