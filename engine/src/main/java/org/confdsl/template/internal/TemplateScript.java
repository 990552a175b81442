package org.confdsl.template.internal;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.FormatHelper;
import org.confdsl.template.KV;
import org.confdsl.template.Srv;
import org.confdsl.template.TemplateFunctions;

/**
 * The base class of every compiled template: writes text and values, and offers confd's functions
 * by name, each delegating to {@link TemplateFunctions} (see there for what they do). Public only
 * because generated classes extend it.
 */
public abstract class TemplateScript extends Script {

    /** Generated code calls this to write literal text. */
    static final String WRITE_TEXT = "__text";
    /** Generated code calls this to write the value of an expression. */
    static final String WRITE_VALUE = "__value";

    private TemplateFunctions fn;
    private Writer out;

    protected TemplateScript() {
    }

    protected TemplateScript(Binding binding) {
        super(binding);
    }

    /** Connects this instance to its functions and output; called once before {@code run()}. */
    public final void init(TemplateFunctions functions, Writer writer) {
        this.fn = functions;
        this.out = writer;
        // so that println inside <% %> writes to the output, as in Groovy's own template engines
        getBinding().setVariable("out", writer);
    }

    /** Writes literal text. */
    public final void __text(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a value as a Groovy GString would ({@code null} as "null", lists as [a, b]). */
    public final void __value(Object value) {
        try {
            if (value instanceof String s) {
                // nearly every value is a String (getv, getvs, ...): FormatHelper's first use costs
                // ~0.1 s at start-up (its static init scans the JDK for Groovy's default imports)
                out.write(s);
                return;
            }
            FormatHelper.write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String key) {
        return fn.exists(key);
    }

    // CharSequence, not String: Groovy would take get(String) as the fallback for every unknown
    // property, turning a misspelt variable into a key lookup
    public KV get(CharSequence key) {
        return fn.get(key.toString());
    }

    public List<KV> gets(String pattern) {
        return fn.gets(pattern);
    }

    public String getv(String key) {
        return fn.getv(key);
    }

    public String getv(String key, Object defaultValue) {
        return fn.getv(key, defaultValue);
    }

    public List<String> getvs(String pattern) {
        return fn.getvs(pattern);
    }

    // getv('/k', match: /re/): Groovy passes named arguments as a leading Map
    public String getv(Map<String, ?> options, String key) {
        return fn.getv(options, key);
    }

    public String getv(Map<String, ?> options, String key, Object defaultValue) {
        return fn.getv(options, key, defaultValue);
    }

    public List<String> getvs(Map<String, ?> options, String pattern) {
        return fn.getvs(options, pattern);
    }

    public List<String> ls(String dir) {
        return fn.ls(dir);
    }

    public List<String> lsdir(String dir) {
        return fn.lsdir(dir);
    }

    public String base(String path) {
        return fn.base(path);
    }

    public String dir(String path) {
        return fn.dir(path);
    }

    public List<String> split(String s, String sep) {
        return fn.split(s, sep);
    }

    public String join(Iterable<?> elements, String sep) {
        return fn.join(elements, sep);
    }

    public String join(Object[] elements, String sep) {
        return fn.join(elements, sep);
    }

    public String toUpper(String s) {
        return fn.toUpper(s);
    }

    public String toLower(String s) {
        return fn.toLower(s);
    }

    public boolean contains(String s, String substr) {
        return fn.contains(s, substr);
    }

    public String replace(String s, String old, String replacement, long n) {
        return fn.replace(s, old, replacement, n);
    }

    public String trimSuffix(String s, String suffix) {
        return fn.trimSuffix(s, suffix);
    }

    public String base64Encode(String s) {
        return fn.base64Encode(s);
    }

    public String base64Decode(String s) {
        return fn.base64Decode(s);
    }

    public Map<String, Object> json(String text) {
        return fn.json(text);
    }

    public List<Object> jsonArray(String text) {
        return fn.jsonArray(text);
    }

    public Map<String, Object> map(Object... keysAndValues) {
        return fn.map(keysAndValues);
    }

    public List<Object> reverse(List<?> values) {
        return fn.reverse(values);
    }

    public List<String> sortByLength(List<?> values) {
        return fn.sortByLength(values);
    }

    public List<KV> sortKVByLength(List<KV> values) {
        return fn.sortKVByLength(values);
    }

    public String getenv(String name) {
        return fn.getenv(name);
    }

    public String getenv(String name, String defaultValue) {
        return fn.getenv(name, defaultValue);
    }

    public ZonedDateTime datetime() {
        return fn.datetime();
    }

    public boolean fileExists(String path) {
        return fn.fileExists(path);
    }

    public List<String> lookupIP(String host) {
        return fn.lookupIP(host);
    }

    public List<String> lookupIPV4(String host) {
        return fn.lookupIPV4(host);
    }

    public List<String> lookupIPV6(String host) {
        return fn.lookupIPV6(host);
    }

    public List<Srv> lookupSRV(String service, String proto, String name) {
        return fn.lookupSRV(service, proto, name);
    }

    public boolean parseBool(String s) {
        return fn.parseBool(s);
    }

    public long atoi(String s) {
        return fn.atoi(s);
    }

    public long add(long a, long b) {
        return fn.add(a, b);
    }

    public long sub(long a, long b) {
        return fn.sub(a, b);
    }

    public long mul(long a, long b) {
        return fn.mul(a, b);
    }

    public long div(long a, long b) {
        return fn.div(a, b);
    }

    public long mod(long a, long b) {
        return fn.mod(a, b);
    }

    public List<Long> seq(long first, long last) {
        return fn.seq(first, last);
    }
}
