package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Turns I/O exceptions into the short reasons people know from the shell. */
public final class IoErrors {

    private IoErrors() {
    }

    /** E.g. {@code permission denied}, {@code no such file or directory}, {@code not a directory}. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** {@code <action> <path>: <reason>}, e.g. {@code cannot write /etc/x.conf: permission denied}. */
    public static StepException failure(String action, Object path, IOException e) {
        return new StepException(action + " " + path + ": " + reason(e), e);
    }
}
