package org.confdsl.dsl;

import groovy.lang.Binding;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.transform.ThreadInterrupt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.groovy.GroovyCompiler;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.EngineModel;

/**
 * Evaluates a confdsl script into an {@link EngineModel}. Evaluation has no side effects: the
 * script's words only record. Every mistake becomes a {@link DslException} naming the script
 * and line; no Groovy stack trace reaches the user.
 */
public final class DslLoader {

    /**
     * Loads {@code script}.
     *
     * @throws DslException for a missing file, a syntax error, an unknown word or an invalid setting
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
            instance.run();
            return ModelBuilder.build(file, recorder);
        } catch (DslProblem p) {
            throw new DslException(name, p.line() > 0 ? p.line() : ScriptLines.of(p, name), p.getMessage(), p);
        } catch (MissingMethodException e) {
            throw new DslException(name, ScriptLines.of(e, name), recorder.missingMethodMessage(e), e);
        } catch (MissingPropertyException e) {
            throw new DslException(name, ScriptLines.of(e, name), recorder.propertyMessage(e.getProperty()), e);
        } catch (RuntimeException e) {
            throw new DslException(name, ScriptLines.of(e, name), "the script failed: " + e, e);
        } catch (Exception e) {
            // ThreadInterrupt raises InterruptedException from the script body.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new DslException(name, ScriptLines.of(e, name), "the script was interrupted", e);
            }
            throw new DslException(name, ScriptLines.of(e, name), "the script failed: " + e, e);
        }
    }

    private static ConfdslScript compile(String name, String text) {
        try {
            Class<?> type = GroovyCompiler.load("confdsl-script-1", name, text, DslLoader::compilerConfiguration,
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
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class));
        return config;
    }

    private static DslException compilationError(String name, MultipleCompilationErrorsException e) {
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException cause = s.getCause();
                return new DslException(name, cause.getLine(), "does not compile: " + cause.getOriginalMessage(), e);
            }
        }
        return new DslException(name, 0, "does not compile: " + e.getMessage(), e);
    }
}
