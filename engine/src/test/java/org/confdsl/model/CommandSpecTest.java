package org.confdsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandSpecTest {

    static String display(String... argv) {
        return new CommandSpec(List.of(argv), false, Duration.ofSeconds(1)).display();
    }

    @Test
    void displayQuotesOnlyWordsThatNeedIt() {
        assertEquals("nginx -s reload", display("nginx", "-s", "reload"));
        assertEquals("sh -c \"echo bad; exit 1\"", display("sh", "-c", "echo bad; exit 1"));
        assertEquals("grep -q 'say \"hi\"' f", display("grep", "-q", "say \"hi\"", "f"));
        assertEquals("echo \"\"", display("echo", ""));
        assertEquals("test -s ${src} && x", new CommandSpec(List.of("test -s ${src} && x"), true, Duration.ofSeconds(1)).display());
    }

    @Test
    void rejectsEmptyCommandsAndNonPositiveTimeouts() {
        assertThrows(IllegalArgumentException.class, () -> new CommandSpec(List.of(), false, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CommandSpec(List.of("x"), false, Duration.ZERO));
    }
}
