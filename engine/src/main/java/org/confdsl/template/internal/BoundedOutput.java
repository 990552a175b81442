package org.confdsl.template.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A render's output in memory, at most {@code maxBytes} as UTF-8: the write that would pass the
 * limit throws {@link TooLarge}, and so does every write after it, even when the template catches
 * the first. {@link #exceeded()} tells afterwards. Not thread-safe (one render writes it).
 */
public final class BoundedOutput extends Writer {

    /** Thrown by the write that passes the limit. */
    public static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("the render is larger than " + maxBytes + " bytes");
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final long maxBytes;
    private long bytes;
    private boolean exceeded;

    /** An empty output that holds at most {@code maxBytes}. */
    public BoundedOutput(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        count(java.nio.CharBuffer.wrap(chars, off, len));
        text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
        count(s.subSequence(off, off + len));
        text.append(s, off, off + len);
    }

    @Override
    public void write(int c) {
        count(String.valueOf((char) c));
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence csq) {
        CharSequence s = csq == null ? "null" : csq;
        count(s);
        text.append(s);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Whether a write tried to pass the limit. */
    public boolean exceeded() {
        return exceeded;
    }

    /** The output as UTF-8. */
    public byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void count(CharSequence s) {
        if (exceeded) {
            throw new TooLarge(maxBytes);
        }
        long n = bytes;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            // a surrogate pair counts 2 + 2 = 4, as UTF-8 encodes it
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (n > maxBytes) {
            exceeded = true;
            throw new TooLarge(maxBytes);
        }
        bytes = n;
    }
}
