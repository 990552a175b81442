package org.confdsl.shell;

import java.time.Instant;

import org.jline.reader.impl.history.DefaultHistory;

/** JLine's history, keeping each line as {@link HistoryMask} says: {@code put} values never reach it or its file. */
final class MaskingHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        super.add(time, HistoryMask.of(line));
    }
}
