/**
 * Client-side patch helpers, without HTTP: JSON merge patches ({@link io.kubeclient.apimachinery.patch.MergePatch}),
 * JSON patches ({@link io.kubeclient.apimachinery.patch.JsonPatch}), strategic merge patches driven by the
 * server's OpenAPI v3 schema ({@link io.kubeclient.apimachinery.patch.StrategicMergePatch},
 * {@link io.kubeclient.apimachinery.patch.OpenApiV3PatchMeta}) and the serialisation of server-side apply
 * configurations ({@link io.kubeclient.apimachinery.patch.ApplyConfigurations}).
 */
package io.kubeclient.apimachinery.patch;
