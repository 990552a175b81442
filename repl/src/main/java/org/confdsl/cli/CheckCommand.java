package org.confdsl.cli;

import java.util.concurrent.Callable;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.template.TemplateRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl check SCRIPT}: loads and validates the script and compiles its templates, offline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Loads SCRIPT, validates every setting and compiles every template. Reads no keys, writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScriptOptions script;

    @Override
    public Integer call() {
        EngineModel model = new DslLoader().load(script.script);
        TemplateRenderer renderer = new TemplateRenderer();
        for (ResourceModel r : model.resources()) {
            renderer.compile(r);
        }
        spec.commandLine().getOut().printf("%s: ok (%d resource%s, store: %s)%n", model.script().getFileName(),
                model.resources().size(), model.resources().size() == 1 ? "" : "s", model.store().describe());
        return ExitCodes.OK;
    }
}
