package org.confdsl.cli;

import java.util.Collection;

import org.confdsl.dsl.DslException;
import org.confdsl.store.StoreException;
import org.confdsl.template.TemplateException;

import org.confdsl.sync.DestinationRefusedException;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.recovery.DestinationLockedException;
import org.confdsl.sync.SyncResult;

/** Every exit code of the {@code confdsl} program; the README's table is this class. */
public final class ExitCodes {

    /** Everything asked for was done, or was already in sync. */
    public static final int OK = 0;
    /** An unexpected internal error; rerun with {@code --stacktrace} and report it. */
    public static final int INTERNAL = 1;
    /** The command line or the script is wrong (unknown option, DSL error, unknown resource). */
    public static final int USAGE = 2;
    /** A resource failed to render (template error, missing key) or to be written; its destination is unchanged. */
    public static final int RENDER_FAILED = 3;
    /** A check command rejected a candidate; the destination is unchanged. */
    public static final int CHECK_FAILED = 4;
    /** A destination was written but its reload command failed; the next run retries the reload. */
    public static final int RELOAD_FAILED = 5;
    /** The store cannot be read (missing or malformed key file, unreachable etcd). */
    public static final int STORE = 6;
    /** {@code keys get}: the key does not exist (the store answered; compare {@link #STORE}). */
    public static final int KEY_NOT_FOUND = 7;
    /** {@code run SCRIPT TASK}: a step of the task failed; the message names the step and the script line. */
    public static final int TASK_FAILED = 8;
    /** A short command interrupted (Ctrl-C: 128 + SIGINT); a daemon stopped by a signal exits {@link #OK}. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The code for one outcome: 0 for successes. */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case IN_SYNC, WOULD_UPDATE, UPDATED -> OK;
            case FAILED -> RENDER_FAILED;
            case CHECK_FAILED -> CHECK_FAILED;
            case RELOAD_FAILED -> RELOAD_FAILED;
        };
    }

    /**
     * The code for an error that ended a command: {@link #USAGE} for script and command-line
     * mistakes, {@link #RENDER_FAILED} for templates, {@link #STORE} for the store,
     * {@link #INTERRUPTED} for an interrupt, {@link #INTERNAL} for anything unexpected.
     */
    public static int of(Throwable e) {
        if (e instanceof DslException || e instanceof UsageException) {
            return USAGE;
        } else if (e instanceof TemplateException) {
            return RENDER_FAILED;
        } else if (e instanceof StoreException) {
            return STORE;
        } else if (e instanceof DestinationLockedException || e instanceof DestinationRefusedException) {
            return RENDER_FAILED;
        } else if (e instanceof InterruptedException) {
            return INTERRUPTED;
        }
        return INTERNAL;
    }

    /**
     * The one line that reports {@code e} to a user: its message, "stopped" for an interrupt,
     * the exception itself for an internal error (whose message alone may say nothing).
     */
    public static String message(Throwable e) {
        return switch (of(e)) {
            case INTERNAL -> e.toString();
            case INTERRUPTED -> "stopped";
            default -> e.getMessage();
        };
    }

    /** The largest code among {@code results}: 0 when every resource succeeded. */
    public static int of(Collection<SyncResult> results) {
        return results.stream().mapToInt(r -> of(r.outcome())).max().orElse(OK);
    }
}
