package org.confdsl.confd.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confdsl.golang.GoPath;

/**
 * Translates a confd Go template into a confdsl Groovy template when, and only when, the
 * translation renders the same bytes: text, comments, {@code {{-}}}/{@code -}}} trimming (applied to
 * the text here), {@code getv} with or without a default, {@code range getvs}/{@code range gets}
 * with {@code .}, {@code .Key}, {@code .Value} inside, {@code if exists}/{@code else}/{@code end}.
 * Every key and pattern must be read below one of the resource's keys by confdsl's key-boundary rule
 * (so confd's string-prefix selection cannot have added anything the template sees). Anything
 * else (other functions, variables, pipelines, text holding {@code ${} or {@code <%}) keeps the Go
 * template, and the reason says why.
 */
public final class GoToGroovy {

    /**
     * The outcome: the Groovy text, or why the Go template is kept.
     *
     * @param groovy the translation, if exact
     * @param reason why there is none (empty when translated)
     */
    public record Result(Optional<String> groovy, String reason) {
    }

    private static final Pattern ACTION = Pattern.compile("\\{\\{(- )?(.*?)( -)?}}", Pattern.DOTALL);
    private static final String STR = "\"([^\"\\\\$'<%{}]*)\"";
    private static final Pattern GETV = Pattern.compile("getv " + STR);
    private static final Pattern GETV_DEFAULT = Pattern.compile("getv " + STR + " " + STR);
    private static final Pattern RANGE_GETVS = Pattern.compile("range getvs " + STR);
    private static final Pattern RANGE_GETS = Pattern.compile("range gets " + STR);
    private static final Pattern IF_EXISTS = Pattern.compile("if exists " + STR);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private enum Block { RANGE_VALUES, RANGE_PAIRS, IF }

    private GoToGroovy() {
    }

    /**
     * @param go the Go template's text
     * @param covered whether a key (as the template names it) is read by confdsl's key-boundary rule
     */
    public static Result translate(String go, Predicate<String> covered) {
        List<String> texts = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<boolean[]> trims = new ArrayList<>();
        Matcher m = ACTION.matcher(go);
        int at = 0;
        while (m.find()) {
            texts.add(go.substring(at, m.start()));
            actions.add(m.group(2).strip());
            trims.add(new boolean[] {m.group(1) != null, m.group(3) != null});
            at = m.end();
        }
        texts.add(go.substring(at));
        for (int i = 0; i < actions.size(); i++) {
            if (trims.get(i)[0]) {
                texts.set(i, trimRight(texts.get(i)));
            }
            if (trims.get(i)[1]) {
                texts.set(i + 1, trimLeft(texts.get(i + 1)));
            }
        }
        StringBuilder out = new StringBuilder();
        Deque<Block> blocks = new ArrayDeque<>();
        for (int i = 0; i <= actions.size(); i++) {
            String text = texts.get(i);
            if (text.contains("${") || text.contains("<%")) {
                return keep("its text holds '${' or '<%', which a Groovy template would read as code");
            }
            out.append(text);
            if (i == actions.size()) {
                break;
            }
            String a = actions.get(i);
            Matcher g;
            Block inner = blocks.peek();
            if (COMMENT.matcher(a).matches()) {
                continue;
            } else if ((g = GETV_DEFAULT.matcher(a)).matches()) {
                if (!covered.test(g.group(1))) {
                    return uncovered(g.group(1));
                }
                out.append("${getv('").append(g.group(1)).append("', '").append(g.group(2)).append("')}");
            } else if ((g = GETV.matcher(a)).matches()) {
                if (!covered.test(g.group(1))) {
                    return uncovered(g.group(1));
                }
                out.append("${getv('").append(g.group(1)).append("')}");
            } else if ((g = RANGE_GETVS.matcher(a)).matches() || (g = RANGE_GETS.matcher(a)).matches()) {
                if (!patternCovered(g.group(1), covered)) {
                    return uncovered(g.group(1));
                }
                boolean values = a.startsWith("range getvs");
                out.append("<% ").append(values ? "getvs" : "gets").append("('").append(g.group(1)).append("').each { %>");
                blocks.push(values ? Block.RANGE_VALUES : Block.RANGE_PAIRS);
            } else if ((g = IF_EXISTS.matcher(a)).matches()) {
                if (!covered.test(g.group(1))) {
                    return uncovered(g.group(1));
                }
                out.append("<% if (exists('").append(g.group(1)).append("')) { %>");
                blocks.push(Block.IF);
            } else if (a.equals("else") && inner == Block.IF) {
                out.append("<% } else { %>");
            } else if (a.equals("end") && inner != null) {
                out.append("<% } %>");
                blocks.pop();
            } else if (a.equals(".") && inner == Block.RANGE_VALUES) {
                out.append("${it}");
            } else if (a.equals(".Key") && inner == Block.RANGE_PAIRS) {
                out.append("${it.key}");
            } else if (a.equals(".Value") && inner == Block.RANGE_PAIRS) {
                out.append("${it.value}");
            } else {
                return keep("{{" + a + "}} has no exact Groovy translation here");
            }
        }
        if (!blocks.isEmpty()) {
            return keep("a block is never closed with {{end}}");
        }
        return new Result(Optional.of(out.toString()), "");
    }

    /** A glob is covered when its literal directory part is (the wildcards stay below it). */
    private static boolean patternCovered(String pattern, Predicate<String> covered) {
        String literal = GoPath.literalPrefix(pattern);
        if (literal.equals(pattern)) {
            return covered.test(pattern);
        }
        int slash = literal.lastIndexOf('/');
        return slash >= 0 && covered.test(slash == 0 ? "/" : literal.substring(0, slash));
    }

    /** Go's trim markers remove ASCII spaces, tabs, carriage returns and newlines. */
    private static boolean goSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String trimRight(String s) {
        int end = s.length();
        while (end > 0 && goSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String trimLeft(String s) {
        int start = 0;
        while (start < s.length() && goSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    private static Result keep(String reason) {
        return new Result(Optional.empty(), reason);
    }

    private static Result uncovered(String key) {
        return keep("it reads " + key + ", which confd selects by string prefix only; the Go template keeps confd's rule");
    }
}
