package org.confdsl.gotemplate;

/**
 * A template that cannot be parsed or executed. The message is Go's own text, so people who grep
 * confd's logs find the same words: {@code template: x:3: unexpected "}" in operand},
 * {@code template: x:1: function "getvv" not defined}, {@code template: x:3:5: executing "x" at
 * <getv "/a">: error calling getv: key does not exist: /a}.
 */
public final class GoTemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the template failed while parsing or while executing. */
    public enum Phase {
        /** The text is not a valid template (reported by {@link GoTemplate#parse}). */
        PARSE,
        /** The template failed on this data (reported by {@code execute}). */
        EXECUTE
    }

    private final Phase phase;

    /**
     * @param phase parse or execute
     * @param message Go's complete message, starting with {@code template: }
     * @param cause the function's exception or the writer's failure, or null
     */
    public GoTemplateException(Phase phase, String message, Throwable cause) {
        super(message, cause);
        this.phase = phase;
    }

    /** @return whether parsing or execution failed */
    public Phase phase() {
        return phase;
    }
}
