package org.confdsl.gotemplate.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoFormat;
import org.confdsl.gotemplate.GoTemplateException;
import org.confdsl.gotemplate.GoValues;
import org.confdsl.gotemplate.internal.Node.BranchNode;
import org.confdsl.gotemplate.internal.Node.CommandNode;
import org.confdsl.gotemplate.internal.Node.ListNode;
import org.confdsl.gotemplate.internal.Node.PipeNode;

/**
 * Walks a parsed template with a small context: the template being run, a stack of variables, the
 * node being evaluated (for Go's {@code NAME:LINE:COL: executing "T" at <NODE>: ...} errors) and the
 * output. One instance per execution; not thread-safe (the tree it walks is).
 *
 * <p>Output that is not a {@link StringBuilder} gets the text in pieces of about {@value #FLUSH_AT}
 * characters as it is made, so a writer that bounds its size stops a runaway template early; an
 * interrupt of the executing thread ends the execution at the next {@code range} iteration or
 * {@code template} call.
 */
public final class Executor {

    /** The absence of a pipeline's previous value (Go's {@code missingVal}). */
    static final Object NO_FINAL = new Object();
    /** A missing map key inside a field chain (Go's invalid value); null once the chain ends. */
    static final Object MISSING = new Object();
    /** A nil stored in a map, inside a field chain: a further field on it is an error. */
    static final Object NIL_IN_MAP = new Object();

    private static final RuntimeException BREAK = new ExecError("break", null);
    private static final RuntimeException CONTINUE = new ExecError("continue", null);
    /** How much text is gathered before it is handed to an output that is not a StringBuilder. */
    static final int FLUSH_AT = 8192;

    private final String parseName;
    private final String text;
    private final Map<String, ListNode> templates;
    private final Calls calls;
    private final Appendable out;
    private final long maxValueChars;
    private final StringBuilder sb;
    private String tmplName;
    private Node node;
    private final Variables vars = new Variables();
    private final FieldChain fieldChain;
    /** The element a range is on: Go's static type of it is interface {}, which field errors name. */
    private Object rangeElement;

    public Executor(String parseName, String text, Map<String, ListNode> templates, Map<String, FuncMap.Func> funcs,
            Appendable out) {
        this(parseName, text, templates, funcs, out, Long.MAX_VALUE);
    }

    /**
     * As the other constructor; a pipeline whose value is a string longer than {@code maxValueChars}
     * ends the execution (a variable that doubles at each {@code range} step never reaches the output).
     */
    public Executor(String parseName, String text, Map<String, ListNode> templates, Map<String, FuncMap.Func> funcs,
            Appendable out, long maxValueChars) {
        this.maxValueChars = maxValueChars;
        this.parseName = parseName;
        this.text = text;
        this.templates = templates;
        this.out = out;
        this.sb = out instanceof StringBuilder s ? s : new StringBuilder(256);
        this.calls = new Calls(this, funcs);
        this.fieldChain = new FieldChain(this, calls);
    }

    /** Runs {@code root} (the template named {@code templateName}) with {@code data} as dot and {@code $}. */
    public void run(String templateName, ListNode root, Object data) throws GoTemplateException {
        tmplName = templateName;
        vars.push("$", data);
        try {
            walk(data, root);
            flush();
        } catch (ExecError e) {
            flushQuietly();
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE, e.getMessage(), e.getCause());
        } catch (WriteError e) {
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE,
                    "template: " + parseName + ": write error: " + e.getCause().getMessage(), e.getCause());
        } catch (RuntimeException e) {
            flushQuietly();
            ExecError wrapped = errorf("internal error: " + e, e);
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE, wrapped.getMessage(), e);
        } catch (StackOverflowError e) {
            flushQuietly();
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE,
                    "template: " + parseName + ": exceeded maximum template depth (100000)", null);
        } catch (IOException e) {
            throw new GoTemplateException(GoTemplateException.Phase.EXECUTE,
                    "template: " + parseName + ": write error: " + e.getMessage(), e);
        }
    }

    private void flush() throws IOException {
        if (sb != out && sb.length() > 0) {
            out.append(sb);
            sb.setLength(0);
        }
    }

    /** An {@link IOException} of the output on its way out of {@link #walk}. */
    private static final class WriteError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WriteError(IOException cause) {
            super(cause);
        }
    }

    private void flushIfLarge() {
        if (sb != out && sb.length() >= FLUSH_AT) {
            try {
                flush();
            } catch (IOException e) {
                throw new WriteError(e);
            }
        }
    }

    private void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw errorf("execution interrupted");
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException ignored) {
            // the execution error is the one to report
        }
    }

    // ---- errors

    void at(Node n) {
        node = n;
    }

    ExecError errorf(String message) {
        return errorf(message, null);
    }

    ExecError errorf(String message, Throwable cause) {
        if (node == null) {
            return new ExecError("template: " + tmplName + ": " + message, cause);
        }
        int pos = Math.min(node.pos(), text.length());
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        int col = text.substring(lineStart, pos).getBytes(StandardCharsets.UTF_8).length;
        return new ExecError("template: " + parseName + ":" + line + ":" + col + ": executing \"" + tmplName
                + "\" at <" + node + ">: " + message, cause);
    }

    // ---- statements

    private void walk(Object dot, Node n) {
        if (n instanceof Node.TextNode t) {
            sb.append(t.text());
            flushIfLarge();
        } else if (n instanceof Node.ActionNode a) {
            at(a);
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().length == 0) {
                at(a);
                printValue(val);
                flushIfLarge();
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                walk(dot, c);
            }
        } else if (n instanceof BranchNode b) {
            if (b.kind() == Node.Branch.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof Node.TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof Node.BreakNode) {
            throw BREAK;
        } else if (n instanceof Node.ContinueNode) {
            throw CONTINUE;
        } else {
            at(n);
            throw errorf("unknown node: " + n);
        }
    }

    private void printValue(Object val) {
        if (val == null) {
            sb.append("<no value>");
        } else if (val instanceof String s) {
            sb.append(s);
        } else {
            GoFormat.appendValue(sb, val);
        }
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = vars.mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            if (GoValues.isTrue(val)) {
                walk(b.kind() == Node.Branch.WITH ? val : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            vars.pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outer = vars.mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int decls = r.pipe().decl().length;
            int mark = vars.mark();
            boolean empty = true;
            if (val instanceof List<?> list) {
                empty = list.isEmpty();
                for (int i = 0; i < list.size(); i++) {
                    if (!oneIteration(decls, mark, (long) i, list.get(i), r)) {
                        break;
                    }
                }
            } else if (val instanceof Map<?, ?> map) {
                empty = map.isEmpty();
                for (Map.Entry<?, ?> e : Sorting.entries(map)) {
                    if (!oneIteration(decls, mark, e.getKey(), e.getValue(), r)) {
                        break;
                    }
                }
            } else if (val != null) {
                throw errorf("range can't iterate over " + GoFormat.value(val));
            }
            if (empty && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            vars.pop(outer);
        }
    }

    /** @return false on {@code break} */
    private boolean oneIteration(int decls, int mark, Object index, Object elem, BranchNode r) {
        stopIfInterrupted();
        if (decls > 0) {
            vars.setTop(1, elem);
        }
        if (decls > 1) {
            vars.setTop(2, index);
        }
        Object savedElement = rangeElement;
        rangeElement = elem;
        try {
            walk(elem, r.list());
        } catch (ExecError e) {
            if (e == BREAK) {
                return false;
            }
            if (e != CONTINUE) {
                throw e;
            }
        } finally {
            rangeElement = savedElement;
            vars.pop(mark);
        }
        return true;
    }

    private void walkTemplate(Object dot, Node.TemplateNode t) {
        at(t);
        stopIfInterrupted();
        ListNode root = templates.get(t.name());
        if (root == null) {
            throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        String savedName = tmplName;
        int savedBase = vars.enterTemplate(newDot);
        tmplName = t.name();
        try {
            walk(newDot, root);
        } finally {
            vars.leaveTemplate(savedBase);
            tmplName = savedName;
        }
    }

    // ---- expressions

    Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = NO_FINAL;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        if (value instanceof String s && s.length() > maxValueChars) {
            at(pipe);
            throw errorf("a value of " + s.length() + " characters is larger than the render may grow (" + maxValueChars + " bytes)");
        }
        for (Node.VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                if (!vars.set(v.ident()[0], value)) {
                    throw errorf("undefined variable: " + v.ident()[0]);
                }
            } else {
                vars.push(v.ident()[0], value);
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args()[0];
        if (first instanceof Node.FieldNode f) {
            at(f);
            return evalFieldChain(dot, dot, f, f.ident(), cmd.args(), fin);
        } else if (first instanceof Node.IdentifierNode id) {
            return calls.evalFunction(dot, id, cmd, cmd.args(), fin);
        } else if (first instanceof Node.VariableNode v) {
            return evalVariable(dot, v, cmd.args(), fin);
        } else if (first instanceof Node.ChainNode c) {
            return evalChain(dot, c, cmd.args(), fin);
        } else if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        at(first);
        notAFunction(cmd.args(), fin);
        if (first instanceof Node.StringNode s) {
            return s.text();
        } else if (first instanceof Node.DotNode) {
            return dot;
        } else if (first instanceof Node.NumberNode n) {
            return constant(n);
        } else if (first instanceof Node.BoolNode b) {
            return b.value();
        } else if (first instanceof Node.NilNode) {
            throw errorf("nil is not a command");
        }
        throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    Object constant(Node.NumberNode n) {
        if (n.error() != null) {
            at(n);
            throw errorf(n.error());
        }
        return n.constant();
    }

    private void notAFunction(Node[] args, Object fin) {
        if (args != null && args.length > 1 || fin != NO_FINAL) {
            throw errorf("can't give argument to non-function " + args[0]);
        }
    }

    Object evalVariable(Object dot, Node.VariableNode v, Node[] args, Object fin) {
        at(v);
        Object value = vars.get(v.ident()[0]);
        if (value == Variables.UNDEFINED) {
            throw errorf("undefined variable: " + v.ident()[0]);
        }
        if (v.ident().length == 1) {
            notAFunction(args, fin);
            return value;
        }
        String[] rest = java.util.Arrays.copyOfRange(v.ident(), 1, v.ident().length);
        return evalFieldChain(dot, value, v, rest, args, fin);
    }

    Object evalChain(Object dot, Node.ChainNode c, Node[] args, Object fin) {
        at(c);
        if (c.node() instanceof Node.NilNode) {
            throw errorf("indirection through explicit nil in " + c);
        }
        Object pipe = calls.evalArg(dot, c.node());
        return evalFieldChain(dot, pipe, c, c.field(), args, fin);
    }

    Object evalFieldChain(Object dot, Object receiver, Node n, String[] ident, Node[] args, Object fin) {
        return fieldChain.eval(dot, receiver, n, ident, args, fin, receiver != null && receiver == rangeElement);
    }
}
