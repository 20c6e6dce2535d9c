/**
 * The dynamic client: every verb on any resource, named by its group, version and resource, with
 * schemaless {@code GenericKubernetesResource} objects. client-go's {@code dynamic} package.
 */
package io.kubeclient.dynamic;
