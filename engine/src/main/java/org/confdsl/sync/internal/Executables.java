package org.confdsl.sync.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Finds a command's executable as {@code execvp(3)} would: a path as given, else each directory of {@code PATH}. */
public final class Executables {

    /** {@link #problem} of a command that does not exist. */
    public static final String NOT_FOUND = "not found";

    private Executables() {
    }

    /** Why {@code command} cannot be run ({@link #NOT_FOUND}, {@code permission denied}), or null when it can. */
    public static String problem(String command) {
        try {
            if (command.contains("/")) {
                return check(Path.of(command));
            }
            String path = System.getenv("PATH");
            String found = NOT_FOUND;
            for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(File.pathSeparator)) {
                String problem = check(Path.of(dir.isEmpty() ? "." : dir, command));
                if (problem == null) {
                    return null;
                }
                if (!problem.equals(NOT_FOUND)) {
                    found = problem;
                }
            }
            return found;
        } catch (InvalidPathException e) {
            return NOT_FOUND;
        }
    }

    private static String check(Path file) {
        if (!Files.exists(file) || Files.isDirectory(file)) {
            return Files.isDirectory(file) ? "permission denied" : NOT_FOUND;
        }
        return Files.isExecutable(file) ? null : "permission denied";
    }
}
