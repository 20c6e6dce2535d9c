package io.kubeclient.watch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes handed to the JSON parser and never hands out more than {@code limit} bytes past
 * the start of the current frame: a parser asking for more is still inside a frame longer than the
 * limit, which fails before the frame is buffered.
 */
final class FrameLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long position;
    private long frameStart;

    FrameLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Marks {@code offset} (bytes from the start of the stream) as where the next frame begins. */
    void startFrame(long offset) {
        frameStart = offset;
    }

    private long allowed() throws FrameTooLargeException {
        long allowed = frameStart + limit - position;
        if (allowed <= 0) {
            throw new FrameTooLargeException(limit);
        }
        return allowed;
    }

    @Override
    public int read() throws IOException {
        allowed();
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, allowed()));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, allowed()));
        position += Math.max(0, skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
