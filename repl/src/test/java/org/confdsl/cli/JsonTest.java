package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.string("a\"b\\c\nd\te\u0001f\u2028é")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028é\"");
    }

    @Test
    void writesObjectsInTheOrderGiven() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("revision", 7L);
        fields.put("keys", new TreeMap<>(Map.of("/b", "2", "/a", "1")));
        fields.put("none", null);
        fields.put("ok", true);

        assertThat(Json.object(fields)).isEqualTo("{\"revision\":7,\"keys\":{\"/a\":\"1\",\"/b\":\"2\"},\"none\":null,\"ok\":true}");
    }

    @Test
    void textValuesStayOnOneLine() {
        assertThat(KeysOutput.escapeText("a\\b\nc\r\td\u0000")).isEqualTo("a\\\\b\\nc\\r\\td\\u0000");
    }
}
