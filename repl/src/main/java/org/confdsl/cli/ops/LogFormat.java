package org.confdsl.cli.ops;

/** How log and outcome lines are written: {@code text} for people, {@code json} (one object per line) for collectors. */
public enum LogFormat {
    /** {@code 2026-12-01T12:00:00.000Z INFO  WatchLoop: message}. */
    text,
    /** {@code {"time":"...","level":"INFO","logger":"WatchLoop","message":"..."}}, one per line. */
    json
}
