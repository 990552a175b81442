package org.confdsl.gotemplate.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoTemplateException;
import org.confdsl.gotemplate.GoTypeError;
import org.confdsl.gotemplate.GoValues;

/** Function calls of the executor: argument evaluation, arity checks, user functions and builtins. */
final class Calls {

    private final Executor ex;
    private final Map<String, FuncMap.Func> funcs;
    private final TypedArgs typed;

    Calls(Executor executor, Map<String, FuncMap.Func> funcs) {
        this.ex = executor;
        this.funcs = funcs;
        this.typed = new TypedArgs(executor, this);
    }

    Object evalFunction(Object dot, Node.IdentifierNode id, Node cmd, Node[] args, Object fin) {
        ex.at(id);
        String name = id.ident();
        FuncMap.Func f = funcs.get(name);
        if (f == null) {
            f = Builtins.FUNCS.get(name);
            if (f == null) {
                throw ex.errorf(GoQuote.quote(name) + " is not a defined function");
            }
            return evalBuiltin(dot, f, cmd, name, args, fin);
        }
        return call(dot, f, cmd, args, fin);
    }

    /**
     * Evaluates the arguments, checks them against {@code f}'s arity and types, calls it and words
     * its failure as Go does at {@code node}.
     *
     * @param args the command's words; {@code args[0]} is the function's own node (not an argument)
     */
    Object call(Object dot, FuncMap.Func f, Node node, Node[] args, Object fin) {
        String name = f.name();
        Node cmd = node;
        List<Object> argv = evalArgs(dot, f, name, args, fin);
        try {
            return Values.normalize(f.function().call(argv));
        } catch (GoTypeError e) {
            ex.at(cmd);
            throw ex.errorf(e.getMessage());
        } catch (GoTemplateException e) {
            ex.at(cmd);
            throw ex.errorf("error calling " + name + ": " + e.getMessage(), e);
        } catch (ExecError e) {
            throw e;
        } catch (Exception e) {
            ex.at(cmd);
            throw ex.errorf("error calling " + name + ": " + message(e), e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void checkArity(FuncMap.Func f, String name, int numIn, int given) {
        if (f.variadic()) {
            if (numIn < f.fixed()) {
                throw ex.errorf("wrong number of args for " + name + ": want at least " + f.fixed() + " got " + given);
            }
        } else if (numIn != f.fixed()) {
            throw ex.errorf("wrong number of args for " + name + ": want " + f.fixed() + " got " + numIn);
        }
    }

    private List<Object> evalArgs(Object dot, FuncMap.Func f, String name, Node[] args, Object fin) {
        int given = args == null ? 0 : args.length - 1;
        int numIn = given + (fin != Executor.NO_FINAL ? 1 : 0);
        checkArity(f, name, numIn, given);
        if (numIn == 0) {
            return Collections.emptyList();
        }
        Object[] argv = new Object[numIn];
        if (f.typed()) {
            for (int i = 0; i < given; i++) {
                argv[i] = typed.eval(dot, args[i + 1], f.kindOf(i));
            }
            if (fin != Executor.NO_FINAL) {
                argv[numIn - 1] = typed.validate(fin, f.kindOf(numIn - 1));
            }
            return Collections.unmodifiableList(Arrays.asList(argv));
        }
        for (int i = 0; i < given; i++) {
            argv[i] = evalArg(dot, args[i + 1]);
        }
        if (fin != Executor.NO_FINAL) {
            argv[numIn - 1] = fin;
        }
        return Collections.unmodifiableList(Arrays.asList(argv));
    }

    /** An argument's value (Go's evalArg for an interface{} parameter). */
    Object evalArg(Object dot, Node n) {
        ex.at(n);
        if (n instanceof Node.StringNode s) {
            return s.text();
        } else if (n instanceof Node.FieldNode f) {
            return ex.evalFieldChain(dot, dot, f, f.ident(), null, Executor.NO_FINAL);
        } else if (n instanceof Node.DotNode) {
            return dot;
        } else if (n instanceof Node.VariableNode v) {
            return ex.evalVariable(dot, v, null, Executor.NO_FINAL);
        } else if (n instanceof Node.PipeNode p) {
            return ex.evalPipeline(dot, p);
        } else if (n instanceof Node.IdentifierNode id) {
            return evalFunction(dot, id, id, null, Executor.NO_FINAL);
        } else if (n instanceof Node.ChainNode c) {
            return ex.evalChain(dot, c, null, Executor.NO_FINAL);
        } else if (n instanceof Node.NumberNode num) {
            return ex.constant(num);
        } else if (n instanceof Node.BoolNode b) {
            return b.value();
        } else if (n instanceof Node.NilNode) {
            return null;
        }
        throw ex.errorf("can't handle " + n + " for arg of type interface {}");
    }

    private Object evalBuiltin(Object dot, FuncMap.Func f, Node cmd, String name, Node[] args, Object fin) {
        if (name.equals("and") || name.equals("or")) {
            int given = args == null ? 0 : args.length - 1;
            checkArity(f, name, given + (fin != Executor.NO_FINAL ? 1 : 0), given);
            boolean isOr = name.equals("or");
            Object v = null;
            for (int i = 1; args != null && i < args.length; i++) {
                v = evalArg(dot, args[i]);
                if (GoValues.isTrue(v) == isOr) {
                    return v;
                }
            }
            return fin != Executor.NO_FINAL ? fin : v;
        }
        if (name.equals("printf") && args != null && args.length > 1) {
            Node format = args[1];
            if (format instanceof Node.NumberNode || format instanceof Node.BoolNode) {
                ex.at(format);
                throw ex.errorf("expected string; found " + format);
            }
            if (format instanceof Node.NilNode) {
                ex.at(format);
                throw ex.errorf("cannot assign nil to string");
            }
        }
        List<Object> argv = evalArgs(dot, f, name, args, fin);
        try {
            return f.function().call(argv);
        } catch (GoTypeError e) {
            ex.at(cmd);
            throw ex.errorf(e.getMessage());
        } catch (ExecError e) {
            throw e;
        } catch (Exception e) {
            ex.at(cmd);
            throw ex.errorf("error calling " + name + ": " + message(e), e);
        }
    }
}
