/**
 * The in-memory kubeconfig model, client-go's {@code clientcmd/api}: maps of clusters, users and
 * contexts keyed by name. Values are immutable; derive changed copies with the builders.
 */
package io.kubeclient.clientcmd.api;
