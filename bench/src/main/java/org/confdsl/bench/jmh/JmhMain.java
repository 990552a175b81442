package org.confdsl.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs JMH on this module's benchmarks: {@code src/bench/jmh.sh [JMH options]}. */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.stream().noneMatch(a -> !a.startsWith("-") && !isOptionValue(all, a))) {
            all.add(RenderSyncBenchmark.class.getSimpleName());
        }
        org.openjdk.jmh.Main.main(all.toArray(String[]::new));
    }

    /** Whether {@code word} follows an option that takes a value (e.g. {@code -f 1}). */
    private static boolean isOptionValue(List<String> args, String word) {
        int i = args.indexOf(word);
        return i > 0 && args.get(i - 1).startsWith("-");
    }
}
