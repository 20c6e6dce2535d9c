package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a body of declared length gives what {@code readNBytes(length + 1)} gives. */
class ReadDeclaredTest {

    /** Hands out at most 3 bytes a read, as a network stream may, with InputStream's own readNBytes. */
    private static InputStream trickle(byte[] bytes) {
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        return new InputStream() {
            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return source.read(b, off, Math.min(len, 3));
            }
        };
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0,1", "10,10", "10,4", "10,11", "10,40", "1024,1024", "1024,1000", "1024,2000"})
    void matchesReadNBytesOfOneMore(int declared, int actual) throws IOException {
        byte[] body = bytes(actual);
        byte[] expected = trickle(body).readNBytes(declared + 1);
        assertThat(Request.readDeclared(trickle(body), declared)).isEqualTo(expected);
    }

    @Test
    void leavesTheRestOfALongerBodyUnread() throws IOException {
        InputStream in = trickle(bytes(20));
        assertThat(Request.readDeclared(in, 5)).hasSize(6);
        assertThat(in.readAllBytes()).hasSize(14);
    }
}
