package org.confdsl.template;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a template produced from one snapshot.
 *
 * @param content the rendered bytes (UTF-8)
 * @param keysRead the absolute keys and glob patterns the template asked for, sorted
 * @param revision the revision of the snapshot it was rendered from
 */
public record Rendered(byte[] content, SortedSet<String> keysRead, long revision) {

    public Rendered {
        Objects.requireNonNull(content, "content");
        keysRead = Collections.unmodifiableSortedSet(new TreeSet<>(keysRead));
    }
}
