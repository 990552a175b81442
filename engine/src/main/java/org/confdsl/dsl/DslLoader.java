package org.confdsl.dsl;

import groovy.lang.Binding;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.dsl.internal.NumericModeCheck;
import org.confdsl.groovy.ForbiddenCalls;
import org.confdsl.groovy.GroovyCompiler;
import org.confdsl.groovy.TimeLimit;
import org.confdsl.groovy.TimeLimitExceededException;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.Durations;
import org.confdsl.model.EngineModel;
import org.confdsl.model.RenderLimits;

/**
 * Evaluates a confdsl script into an {@link EngineModel}. Evaluation has no side effects: the
 * script's words only record. Every mistake becomes a {@link DslException} naming the script
 * and line; no Groovy stack trace reaches the user. Evaluation is bounded in time (by default
 * {@link RenderLimits#DEFAULT}'s timeout, the same as a render): an endless loop is stopped and
 * reported like any other mistake, as is endless recursion.
 */
public final class DslLoader {

    private final Duration timeout;

    /** A loader whose scripts may run for the default render timeout. */
    public DslLoader() {
        this(RenderLimits.DEFAULT.timeout());
    }

    /** A loader whose scripts may run for {@code timeout}. */
    public DslLoader(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Loads {@code script}.
     *
     * @throws DslException for a missing file, a syntax error, an unknown word, an invalid
     *     setting, a script that runs longer than the limit or recurses without end
     */
    public EngineModel load(Path script) {
        Path file = script.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DslException(name, 0, "script not found: " + file);
        } catch (IOException e) {
            throw new DslException(name, 0, "cannot read script " + file + ": " + e.getMessage(), e);
        }
        ScriptRecorder recorder = new ScriptRecorder(file);
        ConfdslScript instance = compile(name, text);
        instance.attach(recorder);
        try {
            return TimeLimit.call(timeout, () -> {
                instance.run();
                return ModelBuilder.build(file, recorder);
            });
        } catch (TimeLimitExceededException e) {
            int line = e.ending().map(t -> ScriptLines.of(t, name)).orElse(0);
            throw new DslException(name, line, "loading the script took longer than " + Durations.format(e.limit())
                    + (e.stopped() ? " (stopped)" : " (it did not stop and keeps running in the background)")
                    + ": a script only declares; look for a loop that never ends", e);
        } catch (StackOverflowError e) {
            throw new DslException(name, ScriptLines.of(e, name),
                    "stack overflow: the script calls itself without end; look for a method or closure that never stops recursing", e);
        } catch (DslProblem p) {
            throw new DslException(name, p.line() > 0 ? p.line() : ScriptLines.of(p, name), p.getMessage(), p);
        } catch (MissingMethodException e) {
            throw new DslException(name, ScriptLines.of(e, name), recorder.missingMethodMessage(e), e);
        } catch (MissingPropertyException e) {
            throw new DslException(name, ScriptLines.of(e, name), recorder.propertyMessage(e.getProperty()), e);
        } catch (InterruptedException e) {
            // ThreadInterrupt raises InterruptedException from the script body; here, the caller was interrupted.
            Thread.currentThread().interrupt();
            throw new DslException(name, ScriptLines.of(e, name), "the script was interrupted", e);
        } catch (Exception e) {
            throw new DslException(name, ScriptLines.of(e, name), "the script failed: " + e, e);
        }
    }

    private static ConfdslScript compile(String name, String text) {
        try {
            Class<?> type = GroovyCompiler.load("confdsl-script-2", name, text, DslLoader::compilerConfiguration,
                    DslLoader.class.getClassLoader());
            return (ConfdslScript) type.getDeclaredConstructor(Binding.class).newInstance(new Binding());
        } catch (MultipleCompilationErrorsException e) {
            throw compilationError(name, e);
        } catch (CompilationFailedException e) {
            throw new DslException(name, 0, "the script does not compile: " + e.getMessage(), e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new DslException(name, 0, "cannot load the script: " + e, e);
        }
    }

    private static CompilerConfiguration compilerConfiguration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ConfdslScript.class.getName());
        // "-2" in the cache kind above: this check was added; GroovyCompiler adds ThreadInterrupt and ForbiddenCalls
        config.addCompilationCustomizers(new NumericModeCheck());
        return config;
    }

    private static DslException compilationError(String name, MultipleCompilationErrorsException e) {
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException cause = s.getCause();
                String problem = cause instanceof ForbiddenCalls.Refused
                        ? cause.getOriginalMessage() : "does not compile: " + cause.getOriginalMessage();
                return new DslException(name, cause.getLine(), problem, e);
            }
        }
        return new DslException(name, 0, "does not compile: " + e.getMessage(), e);
    }
}
