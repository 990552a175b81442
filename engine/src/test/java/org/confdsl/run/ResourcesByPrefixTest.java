package org.confdsl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.confdsl.model.Debounce;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyPrefix;
import org.junit.jupiter.api.Test;

/** {@link ResourcesByPrefix} finds exactly the resources whose watched prefixes cover a changed key. */
class ResourcesByPrefixTest {

    @Test
    void findsTheResourcesWhosePrefixesCoverTheKeysAsAComparisonWithEachWould() {
        Random random = new Random(5);
        String[] parts = {"a", "ab", "b", "s1", "s10"};
        for (int round = 0; round < 100; round++) {
            List<ResourceModel> resources = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                String prefix = random.nextInt(8) == 0 ? "/" : "/" + parts[random.nextInt(parts.length)];
                List<String> keys = random.nextBoolean() ? List.of("/") : List.of("/" + parts[random.nextInt(parts.length)], "/b");
                resources.add(new ResourceModel("r" + i, prefix, keys, Path.of("t"), Path.of("/tmp/r" + i),
                        OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false,
                        Debounce.DEFAULT, 1));
            }
            ResourcesByPrefix index = new ResourcesByPrefix(resources);
            List<String> changed = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                changed.add("/" + parts[random.nextInt(parts.length)] + "/" + parts[random.nextInt(parts.length)]);
            }
            Set<String> expected = resources.stream()
                    .filter(r -> changed.stream().anyMatch(key -> KeyPrefix.coveredByAny(r.watchedPrefixes(), key)))
                    .map(ResourceModel::name).collect(Collectors.toSet());
            assertThat(index.of(changed)).as("%s changed", changed).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
