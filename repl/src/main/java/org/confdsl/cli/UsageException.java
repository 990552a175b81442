package org.confdsl.cli;

/** A mistake on the command line; printed as one line, exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line: what is wrong and what to write instead */
    public UsageException(String message) {
        super(message);
    }
}
