package org.confdsl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link PrefixSet} answers exactly as {@link KeyPrefix#coveredByAny}, on chosen and on random keys. */
class PrefixSetTest {

    @Test
    void coversAKeyAndWhatLiesBelowItButNotASiblingThatSharesItsLetters() {
        PrefixSet set = PrefixSet.of(List.of("/app/", "/sites/s0001", "db"));
        assertThat(set.covers("/app")).isTrue();
        assertThat(set.covers("/app/x/y")).isTrue();
        assertThat(set.covers("/apple")).isFalse();
        assertThat(set.covers("/sites/s0001/upstream/003")).isTrue();
        assertThat(set.covers("/sites/s00010/upstream")).isFalse();
        assertThat(set.covers("/sites")).isFalse();
        assertThat(set.covers("db/x")).isTrue();
        assertThat(set.covers("/db/x")).isFalse();
        assertThat(PrefixSet.of(List.of("/")).covers("/anything")).isTrue();
        assertThat(PrefixSet.of(List.of()).covers("/anything")).isFalse();
    }

    @Test
    void agreesWithCoveredByAnyOnRandomPrefixesAndKeys() {
        Random random = new Random(12);
        String[] parts = {"a", "ab", "b", "", "x0", "a0"};
        for (int round = 0; round < 300; round++) {
            List<String> prefixes = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                prefixes.add(path(random, parts) + (random.nextInt(4) == 0 ? "/" : ""));
            }
            PrefixSet set = PrefixSet.of(prefixes);
            for (int k = 0; k < 50; k++) {
                String key = path(random, parts);
                assertThat(set.covers(key)).as("%s covering %s", prefixes, key).isEqualTo(KeyPrefix.coveredByAny(prefixes, key));
            }
        }
    }

    private static String path(Random random, String[] parts) {
        StringBuilder b = new StringBuilder(random.nextInt(6) == 0 ? "" : "/");
        for (int i = random.nextInt(4); i >= 0; i--) {
            b.append(parts[random.nextInt(parts.length)]);
            if (i > 0) {
                b.append('/');
            }
        }
        return b.toString();
    }
}
