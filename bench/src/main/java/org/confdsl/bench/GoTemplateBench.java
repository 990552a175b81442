package org.confdsl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoArgs;
import org.confdsl.gotemplate.GoNamed;
import org.confdsl.gotemplate.GoTemplate;

/**
 * The 10,000-key render of the Go template engine, beside the same figure from Go's own
 * text/template ({@code engine/src/test/go/gotemplate-golden/bench.go} renders the same template on
 * the same data with the same functions). Figures, not a test:
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.confdsl.bench.GoTemplateBench [keys] [rounds]}
 * after {@code mvn -pl bench -am package -DskipTests}.
 */
public final class GoTemplateBench {

    /** confd's memkv.KVPair. */
    public record Pair(String Key, String Value) implements GoNamed {
        @Override
        public String goTypeName() {
            return "memkv.KVPair";
        }

        @Override
        public List<Object> goFields() {
            return List.of(Key, Value);
        }
    }

    private GoTemplateBench() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Map<String, String> values = new HashMap<>();
        List<Object> pairs = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String name = String.format("host%05d", i);
            String k = "/upstream/" + name;
            String v = String.format("10.%d.%d.%d:80", i / 65536, (i / 256) % 256, i % 256);
            values.put(k, v);
            pairs.add(new Pair(k, v));
            names.add(name);
        }
        FuncMap funcs = FuncMap.empty()
                .put("gets", 1, a -> pairs)
                .put("ls", 1, a -> names)
                .put("getv", 1, a -> values.get(GoArgs.string(a, 0)))
                .put("base", 1, a -> {
                    String s = GoArgs.string(a, 0);
                    return s.substring(s.lastIndexOf('/') + 1);
                });
        GoTemplate t = GoTemplate.parse("bench", template(), funcs);
        long[] times = new long[rounds];
        StringBuilder out = new StringBuilder(1 << 20);
        for (int r = 0; r < rounds + 20; r++) {
            out.setLength(0);
            long start = System.nanoTime();
            t.execute(null, out);
            if (r >= 20) {
                times[r - 20] = System.nanoTime() - start;
            }
        }
        Arrays.sort(times);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        System.out.printf("confdsl gotemplate: %d keys, %d renders: median %.2f ms, min %.2f ms (%d bytes, sha256 %s)%n",
                keys, rounds, times[rounds / 2] / 1e6, times[0] / 1e6, bytes.length, sha);
    }

    /** The same text as BenchTemplate in bench.go. */
    private static String template() throws IOException {
        try (InputStream in = GoTemplateBench.class.getResourceAsStream("gotemplate-bench.tmpl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
