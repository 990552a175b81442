package org.confdsl.store.etcd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import org.confdsl.store.KeyPrefix;

/**
 * etcd key ranges for confdsl's key-boundary-aware prefixes. etcd's own prefix range for
 * {@code /app} also holds {@code /apple}, so a prefix becomes two ranges: the key {@code /app}
 * itself and {@code [/app/, /app0)} ({@code '0'} is the byte after {@code '/'}).
 */
public final class KeyRanges {

    /** The byte etcd reads as "from the first key" or "to the last key". */
    private static final ByteSequence ZERO = ByteSequence.from(new byte[] {0});

    /**
     * One etcd range: {@code key} alone when {@code end} is empty, else {@code [key, end)}.
     *
     * @param key the first key
     * @param end the end of the range (exclusive), if a range
     */
    public record Range(ByteSequence key, Optional<ByteSequence> end) {

        public Op get() {
            return Op.get(key, end.map(e -> GetOption.builder().withRange(e).build()).orElse(GetOption.DEFAULT));
        }

        public Op delete() {
            return Op.delete(key, end.map(e -> DeleteOption.builder().withRange(e).build()).orElse(DeleteOption.DEFAULT));
        }
    }

    private KeyRanges() {
    }

    /** The ranges that hold exactly the keys covered by {@code prefixes}; {@code "/"} or {@code ""} is every key. */
    public static List<Range> of(Collection<String> prefixes) {
        List<Range> out = new ArrayList<>();
        for (String prefix : prefixes) {
            String p = KeyPrefix.normalize(prefix);
            if (p.isEmpty()) {
                return List.of(new Range(ZERO, Optional.of(ZERO)));
            }
            out.add(new Range(bytes(p), Optional.empty()));
            out.add(new Range(bytes(p + "/"), Optional.of(bytes(p + "0"))));
        }
        return out;
    }

    /**
     * One range that holds every key covered by {@code prefixes} (and maybe a few more, such as
     * {@code /apple} between {@code /app} and {@code /app0}, which the caller filters out).
     * One range means one watch, whose events etcd sends in revision order.
     */
    public static Range covering(Collection<String> prefixes) {
        String low = null;
        String high = null;
        for (String prefix : prefixes) {
            String p = KeyPrefix.normalize(prefix);
            if (p.isEmpty()) {
                return new Range(ZERO, Optional.of(ZERO));
            }
            String end = p + "0";
            low = low == null || compare(p, low) < 0 ? p : low;
            high = high == null || compare(end, high) > 0 ? end : high;
        }
        if (low == null) {
            throw new IllegalArgumentException("a watch needs at least one prefix");
        }
        return new Range(bytes(low), Optional.of(bytes(high)));
    }

    /** {@code s} as UTF-8 bytes, as etcd stores keys and values. */
    public static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    /** etcd orders keys by their UTF-8 bytes, unsigned. */
    private static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
