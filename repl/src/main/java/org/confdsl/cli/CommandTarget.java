package org.confdsl.cli;

import org.confdsl.store.MutableKeyValueStore;

/**
 * What the commands shared by the command line and the shell ({@link SharedCommands}) work on
 * when they run inside the shell: its open store and its loaded script, instead of the ones
 * their options would open. The commands never close what they are given here.
 */
public interface CommandTarget {

    /** The open store the key commands read and write. */
    MutableKeyValueStore store();

    /**
     * The loaded script, for the resource commands.
     *
     * @throws UsageException when no script is loaded
     */
    ScriptContext script();

    /**
     * Asks the user before something hard to undo (removing a whole prefix); the command line
     * never asks, so the default agrees.
     */
    default boolean confirm(String question) {
        return true;
    }
}
