package org.confdsl.model;

import java.util.List;
import java.util.Map;

import groovy.lang.GString;

/**
 * The words of a task body ({@code task('name') { ... }}). Keys are absolute. A step that fails
 * stops the task with a message naming the step and the script line; what it changed in the
 * store before failing stays (each write is one change), nothing after it runs.
 *
 * <p>Durations ({@code timeout: '30s'}) are written as in the rest of the DSL: {@code 500ms},
 * {@code 30s}, {@code 2m}. Every wait has a timeout; the default is {@value #DEFAULT_TIMEOUT}.
 */
public interface TaskSteps {

    /** How long a wait takes at most when the step names no {@code timeout:}. */
    String DEFAULT_TIMEOUT = "60s";

    /** Whether {@code key} exists now. */
    boolean exists(String key);

    /** The key and its value now; fails the task when the key does not exist. */
    KeyValue get(String key);

    /** The pairs whose keys match {@code glob} (Go's {@code path.Match}), sorted by key. */
    List<KeyValue> gets(String glob);

    /** The value of {@code key}; fails the task when the key does not exist. */
    String getv(String key);

    /** The value of {@code key}, or {@code defaultValue} when it does not exist. */
    String getv(String key, String defaultValue);

    /** The values of the keys that match {@code glob}, sorted by value (as confd). */
    List<String> getvs(String glob);

    /** The child names below {@code dir}, sorted. */
    List<String> ls(String dir);

    /** The child names below {@code dir} that have children themselves. */
    List<String> lsdir(String dir);

    /** An environment variable of the confdsl process, or "" when unset. */
    String getenv(String name);

    /** An environment variable, or {@code defaultValue} when unset or empty. */
    String getenv(String name, String defaultValue);

    /** Sets {@code key}; returns the store's revision after the change. Waits for nothing. */
    long put(String key, Object value);

    /** Removes {@code key}; returns the store's revision after the change. Waits for nothing. */
    long rm(String key);

    /**
     * Removes {@code key} and waits until every resource that reads it is applied (by every live
     * daemon serving it) at the removal's revision. Returns what was removed, for {@link #restore(KeyValue)}.
     * Options: {@code timeout:}.
     */
    KeyValue drain(Map<String, ?> options, String key);

    /** {@link #drain(Map, String)} with the default timeout. */
    KeyValue drain(String key);

    /** {@link #drain(Map, String)} of {@code pair}'s key. */
    KeyValue drain(Map<String, ?> options, KeyValue pair);

    /** {@link #drain(Map, String)} of {@code pair}'s key, with the default timeout. */
    KeyValue drain(KeyValue pair);

    /**
     * Puts {@code pair} back and waits until every resource that reads it is applied at that
     * revision. Options: {@code timeout:}. Returns the revision.
     */
    long restore(Map<String, ?> options, KeyValue pair);

    /** {@link #restore(Map, KeyValue)} with the default timeout. */
    long restore(KeyValue pair);

    /** Puts back the value this task drained from {@code key}; fails when it drained no such key. */
    long restore(Map<String, ?> options, String key);

    /** {@link #restore(Map, String)} with the default timeout. */
    long restore(String key);

    /**
     * Waits until every live daemon serving {@code resource} has applied {@code revision} or a
     * later one (rendered, checked, installed, reloaded). Options: {@code timeout:}.
     */
    void awaitApplied(Map<String, ?> options, String resource, long revision);

    /** {@link #awaitApplied(Map, String, long)} with the default timeout. */
    void awaitApplied(String resource, long revision);

    /** {@link #awaitApplied(Map, String, long)} at the store's current revision. */
    void awaitApplied(Map<String, ?> options, String resource);

    /** {@link #awaitApplied(String, long)} at the store's current revision. */
    void awaitApplied(String resource);

    /**
     * Runs a command as an argument list (quotes group words; no shell unless {@code shell: true}),
     * returns its output (standard output and error together). A non-zero exit fails the task with
     * the output shown. Options: {@code timeout:} (default 60s), {@code shell:}.
     */
    String sh(Map<String, ?> options, String command);

    /** {@link #sh(Map, String)} with the defaults. */
    String sh(String command);

    /**
     * {@link #sh(Map, String)} for a line with interpolated values ({@code sh "docker restart $name"}):
     * only the text is split into words, each value stays within one argument whatever it holds;
     * with {@code shell: true} the values reach the shell as environment variables, never as part of
     * the line. Step lines and messages show each value as {@code ****}, except the task's own arguments.
     */
    String sh(Map<String, ?> options, GString command);

    /** {@link #sh(Map, GString)} with the defaults. */
    String sh(GString command);

    /** {@link #sh(Map, String)} with the arguments given one by one. */
    String sh(Map<String, ?> options, List<String> argv);

    /** {@link #sh(Map, List)} with the defaults. */
    String sh(List<String> argv);

    /**
     * Waits until a GET of {@code url} answers with the status (option {@code status:}, default 200).
     * Options: {@code status:}, {@code timeout:}.
     */
    void awaitHttp(Map<String, ?> options, String url);

    /** {@link #awaitHttp(Map, String)} with the defaults. */
    void awaitHttp(String url);

    /** Waits until a TCP connection to {@code host}:{@code port} succeeds. Options: {@code timeout:}. */
    void awaitTcp(Map<String, ?> options, String host, int port);

    /** {@link #awaitTcp(Map, String, int)} with the default timeout. */
    void awaitTcp(String host, int port);

    /** Prints a line in the task's output. */
    void log(String message);

    /** Pauses for {@code duration} (e.g. {@code '2s'}): only when a person asks for it; prefer a wait for a fact. */
    void sleep(String duration);

    /** Pauses for {@code millis} milliseconds; see {@link #sleep(String)}. */
    void sleep(long millis);
}
