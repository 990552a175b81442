package org.confdsl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command-line commands the shell offers too, so that their options, output and help are
 * declared once: {@code keys ls/get/put/rm} as {@code ls}, {@code get}, {@code put}, {@code rm},
 * and {@code render} as {@code render} and {@code diff}. Each is the command line's own class,
 * bound to a {@link CommandTarget} (the shell's store and script) and with the options that
 * would choose a store or a script taken out: in the shell those are already chosen.
 */
public final class SharedCommands {

    private static final Set<String> CHOOSERS = Set.of("-s", "--script", "--file", "--state-dir", "-V", "--version");

    private SharedCommands() {
    }

    /**
     * The shared commands by shell name, in the order help lists them. {@code ls} draws a tree
     * by default ({@code --format tree}).
     */
    public static Map<String, CommandLine> create(CommandTarget target) {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        KeysLsCommand ls = new KeysLsCommand();
        commands.put("ls", keys(new CommandLine(ls), ls.options, target));
        commands.get("ls").setDefaultValueProvider(arg -> arg instanceof OptionSpec o && "--format".equals(o.longestName())
                ? KeysOptions.Format.TREE.name().toLowerCase(java.util.Locale.ROOT) : null);
        KeysGetCommand get = new KeysGetCommand();
        commands.put("get", keys(new CommandLine(get), get.options, target));
        KeysPutCommand put = new KeysPutCommand();
        commands.put("put", keys(new CommandLine(put), put.options, target));
        KeysRmCommand rm = new KeysRmCommand();
        commands.put("rm", keys(new CommandLine(rm), rm.options, target));

        RenderCommand render = new RenderCommand();
        commands.put("render", script(new CommandLine(render), render.script, target));
        RenderCommand diff = new RenderCommand();
        CommandLine diffLine = script(new CommandLine(diff), diff.script, target);
        CommandSpec diffSpec = diffLine.getCommandSpec();
        OptionSpec diffOption = diffSpec.findOption("--diff");
        diffSpec.remove(diffOption);
        diff.diff = true; // no longer an option, so parsing never resets it
        diffSpec.name("diff");
        diffSpec.usageMessage().description("Prints the unified diff between the destination of each RESOURCE and what it "
                + "would render from the store now (\"in sync\" when equal), as render --diff does. Writes nothing.");
        commands.put("diff", diffLine);
        return commands;
    }

    private static CommandLine keys(CommandLine cl, KeysOptions options, CommandTarget target) {
        options.target = target;
        return withoutChoosers(cl);
    }

    private static CommandLine script(CommandLine cl, ScriptOptions options, CommandTarget target) {
        options.target = target;
        CommandSpec spec = cl.getCommandSpec();
        List<PositionalParamSpec> positionals = List.copyOf(spec.positionalParameters());
        for (PositionalParamSpec p : positionals) {
            spec.remove(p);
        }
        // SCRIPT was index 0; what followed it moves up one place.
        for (PositionalParamSpec p : positionals) {
            if (!"SCRIPT".equals(p.paramLabel())) {
                int min = p.index().min() - 1;
                String max = p.index().isUnspecified() || p.index().max() == Integer.MAX_VALUE ? "*"
                        : String.valueOf(p.index().max() - 1);
                spec.addPositional(PositionalParamSpec.builder(p).index(min + ".." + max).build());
            }
        }
        return withoutChoosers(cl);
    }

    private static CommandLine withoutChoosers(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        Set<String> storeOptions = CommandSpec.forAnnotatedObject(new StoreOptions()).options().stream()
                .flatMap(o -> List.of(o.names()).stream()).collect(Collectors.toSet());
        for (ArgSpec arg : List.copyOf(spec.options())) {
            OptionSpec o = (OptionSpec) arg;
            if (List.of(o.names()).stream().anyMatch(n -> CHOOSERS.contains(n) || storeOptions.contains(n))) {
                spec.remove(o);
            }
        }
        return cl;
    }
}
