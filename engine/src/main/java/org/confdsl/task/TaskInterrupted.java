package org.confdsl.task;

/** A step was interrupted (Ctrl-C): the runner turns it back into an {@link InterruptedException}. */
final class TaskInterrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TaskInterrupted(int line) {
        super("interrupted at line " + line);
    }
}
