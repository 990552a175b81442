package org.confdsl.template.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    @Test
    void countsUtf8BytesAndRefusesTheWriteThatPassesTheLimit() throws Exception {
        BoundedOutput out = new BoundedOutput(10);
        out.write("ab");           // 2
        out.write("é");            // 2
        out.write("€");            // 3
        assertFalse(out.exceeded());
        assertThrows(BoundedOutput.TooLarge.class, () -> out.append("😀", 0, 2)); // a surrogate pair: 4, one too many
        assertTrue(out.exceeded());
        assertArrayEquals("abé€".getBytes(StandardCharsets.UTF_8), out.toBytes());
    }

    @Test
    void aWriteUpToTheLimitIsKeptAndGivesTheSameBytesAsUtf8() throws Exception {
        String text = "aé€😀";     // 1 + 2 + 3 + 4 = 10 bytes
        BoundedOutput out = new BoundedOutput(10);
        out.write(text);
        assertFalse(out.exceeded());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toBytes());
    }

    @Test
    void onceExceededEveryWriteFailsEvenWhenTheTemplateCaughtTheFirst() {
        BoundedOutput out = new BoundedOutput(3);
        assertThrows(BoundedOutput.TooLarge.class, () -> out.write("abcd"));
        assertThrows(BoundedOutput.TooLarge.class, () -> out.write("a"));
        assertTrue(out.exceeded());
        assertArrayEquals(new byte[0], out.toBytes(), "nothing of the refused write was kept");
    }
}
