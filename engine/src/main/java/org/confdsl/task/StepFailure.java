package org.confdsl.task;

/** Thrown inside a step to fail it with a message (and a command's output). */
final class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String output;

    StepFailure(String message) {
        this(message, "");
    }

    StepFailure(String message, String output) {
        super(message);
        this.output = output;
    }

    String output() {
        return output;
    }
}
