package org.confdsl.gotemplate;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.confdsl.gotemplate.internal.Executor;
import org.confdsl.gotemplate.internal.Node;
import org.confdsl.gotemplate.internal.Parser;

/**
 * A parsed Go {@code text/template}: immutable, thread-safe, executable any number of times.
 *
 * <p>Values a template sees (data, function results, variables) follow this model: {@code String};
 * {@code Long}, {@code Integer} (Go's int); {@code Double} (float64, printed as Go's {@code %v}
 * prints it: {@code 1e+06}, {@code 0.5}); {@code Boolean}; {@code List} (a slice, printed {@code [a
 * b]}); {@code Map} with String keys (iterated and printed in sorted key order, {@code map[a:1]});
 * {@code null} (nil); {@link GoFunction} (a func value for {@code call}); any other object is a
 * struct. {@code .Name} on a Map is the key lookup (a missing key is Go's invalid value: printed
 * {@code <no value>}, false in {@code if}, and {@code .missing.x} is {@code <no value>} too). On any
 * other object {@code .Name} reads, in this order, a public no-argument method {@code Name()}, a
 * public {@code getName()}, a public {@code name()} (a record component), a public field
 * {@code Name} or {@code name}; otherwise execution fails with Go's {@code can't evaluate field Name
 * in type T}. A struct is printed with its {@code toString()}.
 *
 * <p>The engine knows nothing of stores or files: confd's functions come in through {@link FuncMap}.
 */
public final class GoTemplate {

    private final String name;
    private final Map<String, Node.ListNode> templates;
    private final Map<String, FuncMap.Func> funcs;
    private final String text;

    private GoTemplate(String name, String text, Map<String, Node.ListNode> templates, Map<String, FuncMap.Func> funcs) {
        this.name = name;
        this.text = text;
        this.templates = templates;
        this.funcs = funcs;
    }

    /**
     * Parses a template, as Go's {@code template.New(name).Funcs(funcs).Parse(text)}.
     *
     * @param name the template's name, used in every error message ({@code template: NAME:3: ...})
     * @param text the template text
     * @param funcs the functions it may call besides the builtins; copied
     * @return the parsed template with every {@code define}d and {@code block} template
     * @throws GoTemplateException on a syntax error or a call of an undefined function, in Go's words
     */
    public static GoTemplate parse(String name, String text, FuncMap funcs) throws GoTemplateException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Map<String, FuncMap.Func> copy = funcs == null ? Map.of() : funcs.asMap();
        Map<String, Node.ListNode> trees = new Parser(name, text, copy::containsKey).parse();
        return new GoTemplate(name, text, trees, copy);
    }

    /** @return the name given to {@link #parse} */
    public String name() {
        return name;
    }

    /** @return the names of the templates this one holds: its own and every define/block */
    public Set<String> templateNames() {
        return templates.keySet();
    }

    /**
     * Executes the template on {@code data} ({@code .} and {@code $} at the start).
     *
     * @return the output
     * @throws GoTemplateException when execution fails, in Go's words (see the class comment)
     */
    public String execute(Object data) throws GoTemplateException {
        StringBuilder out = new StringBuilder(256);
        execute(data, out);
        return out.toString();
    }

    /**
     * Executes the template on {@code data}, writing to {@code out}. On failure, what was written
     * before the failing action stays written (as in Go).
     *
     * @throws GoTemplateException when execution fails; a failure of {@code out} is one too, with
     *     the {@link IOException} as its cause
     */
    public void execute(Object data, Appendable out) throws GoTemplateException {
        execute(name, data, out);
    }

    /**
     * Executes one of the templates this one holds (a {@code define}d one), as Go's
     * {@code ExecuteTemplate}.
     *
     * @throws GoTemplateException when there is no such template ({@code template: no template "x"
     *     associated with template "y"}) or when execution fails
     */
    public void execute(String templateName, Object data, Appendable out) throws GoTemplateException {
        execute(templateName, data, out, Long.MAX_VALUE);
    }

    /**
     * As {@link #execute(Object, Appendable)}, bounded for a caller that limits the output's size: a
     * pipeline whose value is a string longer than {@code maxValueLength} fails the execution (Go has
     * no such bound; a value that long could never be written within the limit anyway). An interrupt
     * of the executing thread ends any execution at its next {@code range} step or {@code template}
     * call.
     *
     * @throws GoTemplateException when execution fails or a value passes {@code maxValueLength}
     */
    public void execute(Object data, Appendable out, long maxValueLength) throws GoTemplateException {
        execute(name, data, out, maxValueLength);
    }

    private void execute(String templateName, Object data, Appendable out, long maxValueLength) throws GoTemplateException {
        Node.ListNode root = templates.get(templateName);
        if (root == null) {
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE,
                    "template: no template \"" + templateName + "\" associated with template \"" + name + "\"", null);
        }
        new Executor(name, text, templates, funcs, out, maxValueLength).run(templateName, root, data);
    }
}
