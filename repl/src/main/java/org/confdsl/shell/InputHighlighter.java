package org.confdsl.shell;

import java.util.Set;
import java.util.function.Supplier;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Colors the line being typed: a known command bold, an unknown one red (a typo shows before
 * Enter), options yellow, an {@code = EXPR} expression cyan. Plain text when colors are off.
 */
final class InputHighlighter implements Highlighter {

    private final Supplier<Set<String>> commands;
    private final Style style;

    InputHighlighter(Supplier<Set<String>> commands, Style style) {
        this.commands = commands;
        this.style = style;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!style.enabled()) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith("=")) {
            return out.styled(Style.EXPRESSION, buffer).toAttributedString();
        }
        int i = 0;
        boolean first = true;
        while (i < buffer.length()) {
            int start = i;
            if (Character.isWhitespace(buffer.charAt(i))) {
                while (i < buffer.length() && Character.isWhitespace(buffer.charAt(i))) {
                    i++;
                }
                out.append(buffer.substring(start, i));
                continue;
            }
            while (i < buffer.length() && !Character.isWhitespace(buffer.charAt(i))) {
                i++;
            }
            String word = buffer.substring(start, i);
            if (first) {
                out.styled(commands.get().contains(word) ? Style.COMMAND : Style.UNKNOWN, word);
                if (word.equals("eval")) {
                    out.styled(Style.EXPRESSION, buffer.substring(i));
                    break;
                }
                first = false;
            } else if (word.startsWith("-")) {
                out.styled(Style.OPTION, word);
            } else {
                out.append(word);
            }
        }
        return out.toAttributedString();
    }
}
