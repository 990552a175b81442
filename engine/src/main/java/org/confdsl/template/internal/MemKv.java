package org.confdsl.template.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.confdsl.golang.GoPath;

/**
 * confd's {@code memkv} answers for {@code ls} and {@code lsdir}, reproduced term for term, quirks
 * included: {@code ls("/")} lists only top-level leaves (not directories), a key equal to the
 * argument gives its own base name, {@code lsdir} of a leaf or a missing path is empty, and
 * {@code lsdir} matches by plain string prefix before comparing path terms.
 */
public final class MemKv {

    private MemKv() {
    }

    /** memkv's {@code List(filePath)}: sorted, unique. */
    public static List<String> ls(Map<String, String> keys, String filePath) {
        TreeSet<String> names = new TreeSet<>();
        List<String> prefix = terms(filePath);
        for (String key : keys.keySet()) {
            if (key.equals(filePath)) {
                names.add(GoPath.base(key));
                continue;
            }
            if (samePrefixTerms(prefix, terms(GoPath.dir(key)))) {
                names.add(stripKey(key, filePath).split("/", -1)[0]);
            }
        }
        return new ArrayList<>(names);
    }

    /** memkv's {@code ListDir(filePath)}: sorted, unique. */
    public static List<String> lsdir(Map<String, String> keys, String filePath) {
        TreeSet<String> names = new TreeSet<>();
        List<String> prefix = terms(filePath);
        for (String key : keys.keySet()) {
            if (key.startsWith(filePath)) {
                List<String> items = terms(GoPath.dir(key));
                if (samePrefixTerms(prefix, items) && items.size() - prefix.size() >= 1) {
                    names.add(items.get(prefix.size()));
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static String stripKey(String key, String prefix) {
        String s = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        return s.startsWith("/") ? s.substring(1) : s;
    }

    private static List<String> terms(String path) {
        return Arrays.asList(GoPath.clean(path).split("/", -1));
    }

    private static boolean samePrefixTerms(List<String> prefix, List<String> test) {
        if (test.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equals(test.get(i))) {
                return false;
            }
        }
        return true;
    }
}
