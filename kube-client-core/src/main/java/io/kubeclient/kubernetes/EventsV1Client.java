package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code events.k8s.io/v1}; obtain it from {@link Clientset#eventsV1()}. */
public final class EventsV1Client extends GroupVersionClient {

    EventsV1Client(RESTClient client) {
        super(client);
    }

    /** Event objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Event, EventList> events(String namespace) {
        return namespaced("events", namespace, Event.class, EventList.class);
    }
}
