package org.confdsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"1000, 1000, 1000B", "512KB, 524288, 512KB", "16MB, 16777216, 16MB", "1gb, 1073741824, 1GB", "1536KB, 1572864, 1536KB"})
    void parsesAndFormats(String text, long bytes, String formatted) {
        assertEquals(bytes, Sizes.parse(text));
        assertEquals(formatted, Sizes.format(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16 megs", "-1MB", "MB", "1.5MB", "9999999999999GB"})
    void refusesWhatIsNotASize(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
        assertEquals("'" + text + "' is not a size; write e.g. 512KB, 16MB or 1GB", e.getMessage());
    }
}
