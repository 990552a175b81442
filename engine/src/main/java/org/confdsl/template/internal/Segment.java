package org.confdsl.template.internal;

/**
 * One piece of a template, in order.
 *
 * @param kind what the piece is
 * @param text literal text for TEXT; Groovy code (comments removed, newlines kept) for EXPRESSION
 *     and CODE; only the newlines of the comment for COMMENT
 * @param line the template line the piece starts on (1-based)
 */
public record Segment(Kind kind, String text, int line) {

    /** The kinds of pieces. */
    public enum Kind {
        /** Literal text, copied to the output. */
        TEXT,
        /** {@code ${expr}} or {@code <%= expr %>}: the value is written. */
        EXPRESSION,
        /** {@code <% code %>}: run, nothing written. */
        CODE,
        /** {@code <%-- comment --%>}: dropped. */
        COMMENT
    }
}
