/**
 * Reading {@code metadata.managedFields}: {@link io.kubeclient.apimachinery.managedfields.Extract} builds the
 * apply configuration a field manager owns.
 */
package io.kubeclient.apimachinery.managedfields;
