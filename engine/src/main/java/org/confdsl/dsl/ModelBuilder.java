package org.confdsl.dsl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.confdsl.dsl.internal.CommandDecl;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.RenderLimits;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.model.TemplateSyntax;

/**
 * Layers what a script recorded into the immutable model: built-in defaults, then the
 * {@code defaults} block, then each resource's own words; then validates.
 */
final class ModelBuilder {

    /** The key file used when a script declares no store. */
    static final String DEFAULT_KEY_FILE = "keys.yaml";

    private ModelBuilder() {
    }

    static EngineModel build(Path script, ScriptRecorder recorded) {
        StoreModel store = recorded.store().orElseGet(() -> new StoreModel.File(recorded.resolve(DEFAULT_KEY_FILE)));
        List<ResourceModel> imported = ConfdImports.resources(recorded.confdImports());
        if (recorded.resources().isEmpty() && imported.isEmpty()) {
            throw new DslProblem("the script declares no resource; add one, e.g. resource('app') { template 'app.tmpl'; dest 'out/app.conf' }", 0);
        }
        List<ResourceModel> resources = new java.util.ArrayList<>(recorded.resources().stream()
                .map(r -> resource(r, recorded.defaults(), recorded))
                .toList());
        ConfdImports.addAll(resources, imported, recorded.confdImports());
        return new EngineModel(script, store, resources, recorded.tasks().stream().map(TaskSpec::build).toList(), recorded.hosts());
    }

    private static ResourceModel resource(ResourceSpec r, DefaultsSpec d, ScriptRecorder recorded) {
        String where = "resource '" + r.name + "'";
        String templateName = r.templateValue.orElseThrow(() -> new DslProblem(
                where + " has no template; add e.g. template '" + r.name + ".tmpl'", r.line));
        Path template = recorded.resolve(templateName);
        if (!Files.isRegularFile(template)) {
            throw new DslProblem(where + ": template '" + templateName + "' not found at " + template
                    + "; template paths are relative to the script", r.line);
        }
        Path dest = recorded.resolve(r.destValue.orElseThrow(() -> new DslProblem(
                where + " has no dest; add e.g. dest '/etc/nginx/conf.d/" + r.name + ".conf'", r.line)));
        if (Files.isDirectory(dest)) {
            throw new DslProblem(where + ": dest " + dest + " is a directory; name the file, e.g. dest '" + dest.resolve(r.name + ".conf") + "'", r.line);
        }
        TemplateSyntax syntax = r.syntaxValue.orElseGet(() -> TemplateSyntax.ofFileName(templateName));
        if (syntax == TemplateSyntax.GROOVY) {
            GoLookingTemplate.warnIfSo(template, templateName, where);
        }
        Duration timeout = r.timeoutValue.or(() -> d.timeoutValue).orElse(CommandSpec.DEFAULT_TIMEOUT);
        OptionalInt mode = r.modeValue.isPresent() ? r.modeValue : d.modeValue;
        List<String> keys = r.keysValue.isEmpty() ? List.of("/") : List.copyOf(r.keysValue);
        Optional<CommandSpec> check = r.checkValue.map(c -> c.toSpec(timeout));
        boolean inPlace = r.checkValue.map(CommandDecl::inPlace).orElse(false);
        return new ResourceModel(
                r.name,
                r.prefixValue,
                keys,
                template,
                dest,
                mode,
                r.ownerValue.or(() -> d.ownerValue),
                r.groupValue.or(() -> d.groupValue),
                check,
                inPlace,
                r.reloadValue.map(c -> c.toSpec(timeout)),
                r.mkdirsValue.or(() -> d.mkdirsValue).orElse(false),
                r.waitValue.or(() -> d.waitValue).orElse(Debounce.DEFAULT),
                r.line,
                new RenderLimits(
                        r.renderTimeoutValue.or(() -> d.renderTimeoutValue).orElse(RenderLimits.DEFAULT.timeout()),
                        r.renderMaxSizeValue.or(() -> d.renderMaxSizeValue).orElse(RenderLimits.DEFAULT.maxBytes())),
                r.validateValue,
                syntax);
    }
}
