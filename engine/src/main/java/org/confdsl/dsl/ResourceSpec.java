package org.confdsl.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.confdsl.dsl.internal.CommandDecl;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.model.ValueRule;

/**
 * The {@code resource('name') { }} block: one rendered file. Words: {@code prefix}, {@code keys},
 * {@code template}, {@code dest}, {@code mode}, {@code owner}, {@code group}, {@code check},
 * {@code reload}, {@code timeout}, {@code mkdirs}, {@code wait}, {@code renderTimeout},
 * {@code renderMaxSize}, {@code validate}.
 */
public class ResourceSpec extends FileSettingsSpec {

    private static final Set<String> CHECK_OPTIONS = Set.of("shell", "timeout", "inPlace");
    private static final Set<String> RELOAD_OPTIONS = Set.of("shell", "timeout");

    final String name;
    final int line;
    String prefixValue = "/";
    final List<String> keysValue = new ArrayList<>();
    Optional<String> templateValue = Optional.empty();
    Optional<org.confdsl.model.TemplateSyntax> syntaxValue = Optional.empty();
    Optional<String> destValue = Optional.empty();
    Optional<CommandDecl> checkValue = Optional.empty();
    Optional<CommandDecl> reloadValue = Optional.empty();
    final List<ValueRule> validateValue = new ArrayList<>();

    ResourceSpec(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** The key prefix the resource reads under; the template sees keys with it stripped. Default {@code /}. */
    public void prefix(String path) {
        String p = absoluteKey("prefix", path);
        this.prefixValue = p.length() > 1 && p.endsWith("/") ? p.replaceAll("/+$", "") : p;
    }

    /** The keys (relative to the prefix) whose subtrees the template reads and the engine watches. Default {@code /}: all of the prefix. */
    public void keys(String... relative) {
        if (relative.length == 0) {
            throw new DslProblem("keys needs at least one key, e.g. keys '/upstream'");
        }
        for (String k : relative) {
            keysValue.add(absoluteKey("key", k));
        }
    }

    /**
     * The template file, relative to the script. A Groovy template ({@code ${}}, {@code <% %>}),
     * unless the file name ends in {@code .gotmpl} or {@code .go.tmpl}, which are Go templates.
     */
    public void template(String path) {
        this.templateValue = Optional.of(nonBlank("template", path));
    }

    /**
     * The template file with its syntax: {@code template 'cloud.conf.tmpl', syntax: 'go'} is a Go
     * text/template rendered exactly as confd renders it (confd's functions, and confd's key rules:
     * {@code keys} select by plain string prefix); {@code syntax: 'groovy'} is the default.
     */
    public void template(Map<String, ?> options, String path) {
        for (String option : options.keySet()) {
            if (!"syntax".equals(option)) {
                throw new DslProblem("template takes the option syntax: 'go' or 'groovy', not '" + option + "'");
            }
        }
        Object syntax = options.get("syntax");
        if (syntax != null) {
            try {
                this.syntaxValue = Optional.of(org.confdsl.model.TemplateSyntax.named(syntax.toString()));
            } catch (IllegalArgumentException e) {
                throw new DslProblem(e.getMessage());
            }
        }
        template(path);
    }

    /** The destination file, absolute or relative to the script. */
    public void dest(String path) {
        this.destValue = Optional.of(nonBlank("dest", path));
    }

    /**
     * The command that validates a candidate before it is installed, run as an argument list
     * (no shell). {@code {{.src}}} or {@code ${src}} stands for the staged file.
     */
    public void check(String command) {
        check(Map.of(), command);
    }

    /**
     * {@link #check(String)} with options: {@code shell: true} runs the line with {@code /bin/sh -c};
     * {@code timeout: '10s'}; {@code inPlace: true} installs the candidate, checks the installed
     * config (as {@code nginx -t} does) and restores the previous file when the check fails.
     */
    public void check(Map<String, ?> options, String command) {
        this.checkValue = Optional.of(CommandDecl.of("check", options, command, CHECK_OPTIONS));
    }

    /** The check command as an explicit argument list. */
    public void check(List<String> argv) {
        check(Map.of(), argv);
    }

    /** The check command as an explicit argument list, with options as for {@link #check(Map, String)}. */
    public void check(Map<String, ?> options, List<String> argv) {
        this.checkValue = Optional.of(CommandDecl.of("check", options, argv, CHECK_OPTIONS));
    }

    /** The command run after the destination changed, e.g. {@code reload 'nginx -s reload'}. {@code {{.dest}}}/{@code ${dest}} stands for the destination. */
    public void reload(String command) {
        reload(Map.of(), command);
    }

    /** {@link #reload(String)} with options {@code shell: true} and {@code timeout: '30s'}. */
    public void reload(Map<String, ?> options, String command) {
        this.reloadValue = Optional.of(CommandDecl.of("reload", options, command, RELOAD_OPTIONS));
    }

    /**
     * In exec mode ({@code confdsl run SCRIPT --exec 'nginx -g "daemon off;"'}): reload by sending
     * a signal to the service confdsl runs as its child, {@code reload signal: 'HUP'}. Signals:
     * HUP, USR1, USR2, WINCH, QUIT, TERM, INT; {@code timeout:} as for a command. Without
     * {@code --exec} the reload fails, saying so.
     */
    public void reload(Map<String, ?> options) {
        Object signal = options.get("signal");
        if (signal == null) {
            throw new DslProblem("reload needs a command, e.g. reload 'nginx -s reload', or a signal for the --exec child, e.g. reload signal: 'HUP'");
        }
        String name = String.valueOf(signal).toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
        if (!SIGNALS.contains(name)) {
            throw new DslProblem("reload signal: '" + signal + "' is not a signal confdsl sends; write one of " + String.join(", ", SIGNALS));
        }
        Map<String, Object> rest = new java.util.HashMap<>(options);
        rest.remove("signal");
        // The shell's built-in kill: present in every image that has /bin/sh, unlike /bin/kill.
        // "$0" is the child's pid; "-" before the child started (it will read the rendered files
        // anyway), empty without --exec.
        List<String> argv = List.of("/bin/sh", "-c", "case \"$0\" in '') echo 'reload signal: needs confdsl run --exec' >&2; exit 1;; "
                + "-) exit 0;; esac; kill -s " + name + " \"$0\"", "{{." + EXEC_PID + "}}");
        this.reloadValue = Optional.of(CommandDecl.of("reload", rest, argv, Set.of("timeout")));
    }

    /** The placeholder the program fills with its --exec child's pid ({@code -} before it started, empty without --exec). */
    public static final String EXEC_PID = "execpid";

    private static final List<String> SIGNALS = List.of("HUP", "USR1", "USR2", "WINCH", "QUIT", "TERM", "INT");

    /** The reload command as an explicit argument list. */
    public void reload(List<String> argv) {
        reload(Map.of(), argv);
    }

    /** The reload command as an explicit argument list, with options. */
    public void reload(Map<String, ?> options, List<String> argv) {
        this.reloadValue = Optional.of(CommandDecl.of("reload", options, argv, RELOAD_OPTIONS));
    }

    /**
     * Constrains the values the template reads from keys that {@code glob} (relative to the
     * prefix, {@code *} never crossing {@code /}) matches, or that lie below one it matches: each
     * must match {@code regex} entirely, e.g. {@code validate '/upstream/*', ~/^[\w.-]+:\d+$/}.
     * A value that does not fails the render (the destination stays as it is) with a message that
     * names the key, never the value. Whoever can write the keys can otherwise shape the config.
     */
    public void validate(String glob, Pattern regex) {
        String g = absoluteKey("validate", glob);
        if (regex == null) {
            throw new DslProblem("validate '" + glob + "' needs a regular expression, e.g. validate '" + glob + "', ~/^[\\w.-]+:\\d+$/");
        }
        validateValue.add(new ValueRule(g, regex));
    }

    /** {@link #validate(String, Pattern)} with the regular expression as a string ({@code /^\d+$/}). */
    public void validate(String glob, String regex) {
        try {
            validate(glob, Pattern.compile(regex == null ? "" : regex));
        } catch (PatternSyntaxException e) {
            throw new DslProblem("validate '" + glob + "': not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    static String absoluteKey(String word, String key) {
        if (key == null || !key.startsWith("/")) {
            throw new DslProblem(word + " '" + key + "' must start with '/', e.g. '/" + (key == null ? "" : key) + "'");
        }
        if (key.contains("//")) {
            throw new DslProblem(word + " '" + key + "' has an empty path segment ('//')");
        }
        return key;
    }
}
