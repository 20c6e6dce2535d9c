package io.kubeclient.testing;

import tools.jackson.databind.node.ObjectNode;

/**
 * One committed change, kept in the bounded history that watches and consistent paging read from.
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param resource the resource's {@link ResourceType#groupResource()}
 * @param key {@code namespace/name}, or the name of a cluster-scoped object
 * @param object the object after the change (for DELETED, its last state with the deletion's RV)
 * @param previous the object before the change, {@code null} for ADDED
 * @param rv the change's resource version
 */
record Event(String type, String resource, String key, ObjectNode object, ObjectNode previous, long rv) {
}
