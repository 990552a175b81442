package org.confdsl.task;

/** Hears what a task does, step by step: the command line prints it, tests time it. */
public interface TaskListener {

    /**
     * A step begins.
     *
     * @param line the script line of the step
     * @param step what it does, e.g. {@code drain /cloud/upstream/a}; never a key's value
     */
    void stepStarted(int line, String step);

    /** A step ended well; {@code detail} says what it found, e.g. {@code applied at revision 9 by web1, web2}. */
    void stepDone(int line, String step, String detail);

    /** A {@code log} line of the script. */
    void log(int line, String message);
}
