package org.confdsl.template.internal;

import java.util.Arrays;

/** Maps an index in a text to its 1-based line number. */
final class Lines {

    private final int[] starts;

    Lines(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    int lineOf(int index) {
        int at = Arrays.binarySearch(starts, index);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
