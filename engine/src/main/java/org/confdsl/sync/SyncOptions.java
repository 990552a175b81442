package org.confdsl.sync;

/**
 * How a pass treats destinations, from the command line.
 *
 * @param noop compute what would change and write nothing (the result carries a diff)
 * @param syncOnly write the destination but run neither check nor reload
 * @param keepStageFile leave the staged file beside the destination for inspection
 */
public record SyncOptions(boolean noop, boolean syncOnly, boolean keepStageFile) {

    /** Write, check and reload; remove stage files. */
    public static final SyncOptions DEFAULT = new SyncOptions(false, false, false);
}
