package io.kubeclient.watch;

import static io.kubeclient.watch.WatchTestSupport.CONFIG_MAPS;
import static io.kubeclient.watch.WatchTestSupport.MAPPER;
import static io.kubeclient.watch.WatchTestSupport.bookmark;
import static io.kubeclient.watch.WatchTestSupport.bytes;
import static io.kubeclient.watch.WatchTestSupport.configMap;
import static io.kubeclient.watch.WatchTestSupport.expired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamWatcherTest {

    private static final String THREE = configMap("ADDED", "a", "1") + configMap("MODIFIED", "a", "2")
            + bookmark("3") + configMap("DELETED", "a", "4") + expired();

    private static List<Event<ConfigMap>> readAll(InputStream in) {
        return readAll(in, CONFIG_MAPS);
    }

    private static <T> List<Event<T>> readAll(InputStream in, WatchDecoder<T> decoder) {
        List<Event<T>> events = new ArrayList<>();
        try (Watch<T> watch = StreamWatcher.open(in, decoder)) {
            watch.forEach(events::add);
        }
        return events;
    }

    private static String summary(List<Event<ConfigMap>> events) {
        return events.stream().map(e -> e.type() == EventType.ERROR
                ? "ERROR " + e.status().getCode() + " " + e.status().getReason()
                : e.type() + " " + e.object().getMetadata().getName() + "@" + e.object().getMetadata()
                        .getResourceVersion()).collect(Collectors.joining(", "));
    }

    private static final String EXPECTED = "ADDED a@1, MODIFIED a@2, BOOKMARK null@3, DELETED a@4, ERROR 410 Expired";

    @Test
    void decodesEachFrameIntoATypedEvent() {
        List<Event<ConfigMap>> events = readAll(new ByteArrayInputStream(bytes(THREE)));
        assertThat(summary(events)).isEqualTo(EXPECTED);
        assertThat(events.get(0).object().getData()).containsEntry("key", "value-a");
        assertThat(events.get(0).status()).isNull();
        Status status = events.get(4).status();
        assertThat(status.getMessage()).isEqualTo("too old resource version: 123 (456)");
        assertThat(events.get(4).object()).isNull();
    }

    @Test
    void decodesFramesSplitAtEveryByteBoundary() {
        byte[] data = bytes(THREE);
        for (int at = 0; at <= data.length; at++) {
            assertThat(summary(readAll(new WatchTestSupport.SplitAt(data, at)))).as("split at %d", at)
                    .isEqualTo(EXPECTED);
        }
    }

    @Test
    void decodesFramesArrivingOneByteAtATime() {
        assertThat(summary(readAll(new WatchTestSupport.OneByteAtATime(bytes(THREE))))).isEqualTo(EXPECTED);
    }

    @Test
    void decodesSeveralFramesInOneChunkWithAnySeparation() {
        String chunk = configMap("ADDED", "a", "1").trim() + configMap("ADDED", "b", "2").trim() + " \r\n\t"
                + configMap("ADDED", "c", "3");
        assertThat(summary(readAll(new ByteArrayInputStream(bytes(chunk)))))
                .isEqualTo("ADDED a@1, ADDED b@2, ADDED c@3");
    }

    @Test
    void acceptsTheObjectBeforeTheTypeAndIgnoresUnknownFields() {
        String frames = "{\"object\":{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"resourceVersion\":\"7\"}},"
                + "\"extra\":[1,{\"a\":2}],\"type\":\"MODIFIED\"}"
                + "{\"object\":{\"kind\":\"Status\",\"code\":410,\"reason\":\"Gone\"},\"type\":\"ERROR\"}";
        assertThat(summary(readAll(new ByteArrayInputStream(bytes(frames)))))
                .isEqualTo("MODIFIED x@7, ERROR 410 Gone");
    }

    @Test
    void malformedFrameProducesOneErrorEventThenEndsAndCloses() {
        String data = configMap("ADDED", "a", "1") + "{\"type\":\"ADDED\",\"object\":{\"metadata\":]}\n"
                + configMap("ADDED", "b", "2");
        WatchTestSupport.FailingAfter in = new WatchTestSupport.FailingAfter(bytes(data), null);
        List<Event<ConfigMap>> events = readAll(in);
        assertThat(summary(events)).isEqualTo("ADDED a@1, ERROR 500 InternalError");
        Status status = events.get(1).status();
        assertThat(status.getStatus()).isEqualTo("Failure");
        assertThat(status.getMessage()).startsWith(
                "an error on the server (\"unable to decode an event from the watch stream: ")
                .endsWith("\") has prevented the request from succeeding");
        assertThat(status.getDetails().getCauses()).extracting(StatusCause::getReason)
                .containsExactly("UnexpectedServerResponse", "ClientWatchDecoding");
        assertThat(in.closed).isTrue();
    }

    @Test
    void unknownEventTypeIsADecodeError() {
        List<Event<ConfigMap>> events = readAll(new ByteArrayInputStream(bytes(
                "{\"type\":\"RENAMED\",\"object\":{}}" + configMap("ADDED", "a", "1"))));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).status().getMessage()).contains("got invalid watch event type: RENAMED");
    }

    @Test
    void objectOfTheWrongShapeIsADecodeError() {
        List<Event<ConfigMap>> events = readAll(new ByteArrayInputStream(bytes(
                "{\"type\":\"ADDED\",\"object\":{\"metadata\":\"not an object\"}}")));
        assertThat(summary(events)).isEqualTo("ERROR 500 InternalError");
    }

    @Test
    void frameWithoutObjectOrTypeIsADecodeError() {
        assertThat(readAll(new ByteArrayInputStream(bytes("{\"type\":\"ADDED\"}"))).get(0).status().getMessage())
                .contains("watch event ADDED has no object");
        assertThat(readAll(new ByteArrayInputStream(bytes("{\"object\":{}}"))).get(0).status().getMessage())
                .contains("watch event has no type");
        assertThat(readAll(new ByteArrayInputStream(bytes("[1]"))).get(0).status().getMessage())
                .contains("expected a watch event object");
    }

    @Test
    void frameAtTheLimitPassesAndOneByteMoreIsAClearError() {
        String frame = configMap("ADDED", "a", "1").trim();
        int size = bytes(frame).length;
        for (int at = 0; at <= size; at += 7) {
            assertThat(summary(readAll(new WatchTestSupport.SplitAt(bytes(frame), at),
                    CONFIG_MAPS.withMaxFrameBytes(size)))).isEqualTo("ADDED a@1");
        }
        List<Event<ConfigMap>> events = readAll(new ByteArrayInputStream(bytes(frame)),
                CONFIG_MAPS.withMaxFrameBytes(size - 1));
        assertThat(summary(events)).isEqualTo("ERROR 500 InternalError");
        assertThat(events.get(0).status().getMessage())
                .contains("object to decode was longer than maximum allowed size of " + (size - 1) + " bytes");
    }

    @Test
    void limitAppliesToEachFrameNotTheWholeStream() {
        String frame = configMap("ADDED", "a", "1");
        String many = String.join("", Collections.nCopies(50, frame));
        assertThat(readAll(new ByteArrayInputStream(bytes(many)), CONFIG_MAPS.withMaxFrameBytes(bytes(frame).length)))
                .hasSize(50).allMatch(e -> e.type() == EventType.ADDED);
    }

    @Test
    void defaultLimitIs16MiB() {
        assertThat(CONFIG_MAPS.maxFrameBytes()).isEqualTo(16 * 1024 * 1024);
        InputStream oversized = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(bytes(configMap("ADDED", "small", "1"))),
                new ByteArrayInputStream(bytes("{\"type\":\"ADDED\",\"object\":{\"data\":{\"k\":\"")),
                new RepeatingStream((byte) 'a', 17L * 1024 * 1024),
                new ByteArrayInputStream(bytes("\"}}}")))));
        List<Event<ConfigMap>> events = readAll(oversized);
        assertThat(summary(events)).isEqualTo("ADDED small@1, ERROR 500 InternalError");
        assertThat(events.get(1).status().getMessage()).contains("maximum allowed size of 16777216 bytes");
    }

    @Test
    void cleanEndAndTruncatedFrameEndQuietly() {
        assertThat(readAll(new ByteArrayInputStream(new byte[0]))).isEmpty();
        String truncated = configMap("ADDED", "a", "1") + "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"na";
        assertThat(summary(readAll(new ByteArrayInputStream(bytes(truncated))))).isEqualTo("ADDED a@1");
    }

    @Test
    void readTimeoutEndsQuietlyAndCloses() {
        WatchTestSupport.FailingAfter in = new WatchTestSupport.FailingAfter(bytes(configMap("ADDED", "a", "1")),
                new SocketTimeoutException("Read timed out"));
        assertThat(summary(readAll(in))).isEqualTo("ADDED a@1");
        assertThat(in.closed).isTrue();
    }

    @Test
    void stopUnblocksAReaderWaitingForTheNextFrame() throws Exception {
        PipedOutputStream server = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(server);
        StreamWatcher<ConfigMap> watch = StreamWatcher.open(body, CONFIG_MAPS);
        List<Event<ConfigMap>> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch first = new CountDownLatch(1);
        AtomicBoolean interruptLeftOver = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            for (Event<ConfigMap> e : watch) {
                events.add(e);
                first.countDown();
            }
            interruptLeftOver.set(Thread.currentThread().isInterrupted());
        });
        reader.start();
        server.write(bytes(configMap("ADDED", "a", "1")));
        server.flush();
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        watch.stop();
        watch.stop();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(summary(events)).isEqualTo("ADDED a@1");
        assertThat(interruptLeftOver).isFalse();
        assertThat(watch.isStopped()).isTrue();
    }

    @Test
    void stoppedWatchDeliversNothingMoreAndIteratesOnce() {
        StreamWatcher<ConfigMap> watch = StreamWatcher.open(new ByteArrayInputStream(bytes(THREE)), CONFIG_MAPS);
        var it = watch.iterator();
        assertThat(it.next().type()).isEqualTo(EventType.ADDED);
        watch.close();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(watch::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void treeDecoderPicksTheTypeByKind() {
        WatchDecoder<HasMetadata> byKind = WatchDecoder.ofTree(MAPPER, node -> {
            Class<? extends HasMetadata> type = "Pod".equals(node.path("kind").asString()) ? Pod.class
                    : ConfigMap.class;
            return MAPPER.treeToValue(node, type);
        });
        String frames = configMap("ADDED", "cm", "1")
                + "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}" + expired();
        List<Event<HasMetadata>> events = readAll(new ByteArrayInputStream(bytes(frames)), byKind);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).object()).isInstanceOf(ConfigMap.class);
        assertThat(events.get(1).object()).isInstanceOfSatisfying(Pod.class,
                p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox"));
        assertThat(events.get(2).status().getCode()).isEqualTo(410);
    }

    @Test
    void streamAndConsumeAsyncDeliverTheSameEvents() throws Exception {
        try (var stream = StreamWatcher.open(new ByteArrayInputStream(bytes(THREE)), CONFIG_MAPS).stream()) {
            assertThat(stream.map(Event::type)).containsExactly(EventType.ADDED, EventType.MODIFIED,
                    EventType.BOOKMARK, EventType.DELETED, EventType.ERROR);
        }
        List<Event<ConfigMap>> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = StreamWatcher.open(new ByteArrayInputStream(bytes(THREE)), CONFIG_MAPS)
                .consumeAsync(seen::add, Runnable::run);
        done.get(10, TimeUnit.SECONDS);
        assertThat(summary(seen)).isEqualTo(EXPECTED);
    }

    @Test
    void consumeAsyncFailsAndStopsWhenTheConsumerThrows() {
        WatchTestSupport.FailingAfter in = new WatchTestSupport.FailingAfter(bytes(THREE), null);
        CompletableFuture<Void> done = StreamWatcher.open(in, CONFIG_MAPS).consumeAsync(e -> {
            throw new IllegalStateException("boom");
        }, Runnable::run);
        assertThat(done).isCompletedExceptionally();
        assertThat(in.closed).isTrue();
    }

    @Test
    void eventRequiresStatusOnlyForErrors() {
        assertThatThrownBy(() -> Event.of(EventType.ERROR, new ConfigMap())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Event<>(EventType.ADDED, new ConfigMap(), new Status()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Event.error(new Status()).type()).isEqualTo(EventType.ERROR);
        assertThat(Watch.empty().iterator().hasNext()).isFalse();
    }

    /** {@code count} copies of one byte, without holding them in memory. */
    private static final class RepeatingStream extends InputStream {
        private final byte value;
        private long remaining;

        RepeatingStream(byte value, long count) {
            this.value = value;
            this.remaining = count;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, value);
            remaining -= n;
            return n;
        }
    }
}
