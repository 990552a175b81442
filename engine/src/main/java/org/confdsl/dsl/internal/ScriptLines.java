package org.confdsl.dsl.internal;

import java.util.Optional;

/** Finds the line of a script that is running now, or that an exception passed through. */
public final class ScriptLines {

    private ScriptLines() {
    }

    /** The line of the innermost frame of {@code scriptName} on the current thread's stack, or 0. */
    public static int current(String scriptName) {
        Optional<Integer> line = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> scriptName.equals(f.getFileName()) && f.getLineNumber() > 0)
                .map(StackWalker.StackFrame::getLineNumber)
                .findFirst());
        return line.orElse(0);
    }

    /** The line of the innermost frame of {@code scriptName} in {@code error} or its causes, or 0. */
    public static int of(Throwable error, String scriptName) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (scriptName.equals(e.getFileName()) && e.getLineNumber() > 0) {
                    return e.getLineNumber();
                }
            }
        }
        return 0;
    }
}
