package io.kubeclient.watch;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Hand-written frames and streams for the watch tests. */
final class WatchTestSupport {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final WatchDecoder<ConfigMap> CONFIG_MAPS = WatchDecoder.of(MAPPER, ConfigMap.class);

    private WatchTestSupport() {}

    static String configMap(String type, String name, String rv) {
        return "{\"type\":\"" + type + "\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"resourceVersion\":\"" + rv
                + "\"},\"data\":{\"key\":\"value-" + name + "\"}}}\n";
    }

    static String bookmark(String rv) {
        return "{\"type\":\"BOOKMARK\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"resourceVersion\":\"" + rv + "\"}}}\n";
    }

    static String error(int code, String reason, String message) {
        return "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":"
                + code + "}}\n";
    }

    static String expired() {
        return error(410, "Expired", "too old resource version: 123 (456)");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands out at most one byte per read. */
    static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream in;

        OneByteAtATime(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : in.read(b, off, 1);
        }
    }

    /** Delivers the data in two reads split at {@code at}, then the rest as it is asked for. */
    static final class SplitAt extends InputStream {
        private final byte[] data;
        private final int at;
        private int pos;

        SplitAt(byte[] data, int at) {
            this.data = data;
            this.at = at;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int end = pos < at ? at : data.length;
            int n = Math.min(len, end - pos);
            if (n == 0) {
                n = Math.min(len, data.length - pos);
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Delivers the data, then fails with {@code failure}; records whether it was closed. */
    static final class FailingAfter extends InputStream {
        private final InputStream in;
        private final IOException failure;
        volatile boolean closed;

        FailingAfter(byte[] data, IOException failure) {
            this.in = new ByteArrayInputStream(data);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0 && failure != null) {
                throw failure;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0 && failure != null) {
                throw failure;
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
