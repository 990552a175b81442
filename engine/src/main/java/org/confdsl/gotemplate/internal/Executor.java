package org.confdsl.gotemplate.internal;

import java.util.Map;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoTemplateException;

/** Walks a parsed template with a small context (dot, variables, output). */
public final class Executor {

    public Executor(String name, String text, Map<String, Node.ListNode> templates, Map<String, FuncMap.Func> funcs,
            Appendable out) {
    }

    public void run(String templateName, Node.ListNode root, Object data) throws GoTemplateException {
        throw new GoTemplateException(GoTemplateException.Phase.EXECUTE, "template: not implemented yet", null);
    }
}
