package org.confdsl.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps every step event as a line: "12 start drain /x", "12 done drain /x: detail", "3 log text". */
final class RecordingTaskListener implements TaskListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    private final Consumer<String> onDone;

    RecordingTaskListener() {
        this(step -> { });
    }

    /** {@code onDone} runs when a step ends, before the task goes on: a test can look at the world then. */
    RecordingTaskListener(Consumer<String> onDone) {
        this.onDone = onDone;
    }

    @Override
    public void stepStarted(int line, String step) {
        events.add(line + " start " + step);
    }

    @Override
    public void stepDone(int line, String step, String detail) {
        events.add(line + " done " + step + ": " + detail);
        onDone.accept(step);
    }

    @Override
    public void log(int line, String message) {
        events.add(line + " log " + message);
    }
}
