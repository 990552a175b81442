package org.confdsl.gotemplate.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.confdsl.gotemplate.GoFormat;

/** Go's {@code html}, {@code js} and {@code urlquery} builtins. */
final class Escapers {

    private Escapers() {
    }

    /** Go's evalArgs: one string as is, else Sprint of the arguments with nil as {@code <no value>}. */
    static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        Object[] printable = new Object[args.size()];
        for (int i = 0; i < printable.length; i++) {
            Object a = args.get(i);
            printable[i] = a == null ? "<no value>" : a;
        }
        return GoFormat.sprint(List.of(printable));
    }

    static String html(List<Object> args) {
        String s = evalArgs(args);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> out.append('\uFFFD');
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String js(List<Object> args) {
        String s = evalArgs(args);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04X", c));
                    } else if (c < 0x80 || GoQuote.isPrint(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format("\\u%04X", c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}: space as {@code +}, unreserved {@code -_.~} kept. */
    static String urlquery(List<Object> args) {
        return URLEncoder.encode(evalArgs(args), StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
