package org.confdsl.gotemplate;

/**
 * Optional for Java objects that stand for a Go struct: the Go type name that error messages and
 * {@code %T} show ({@code memkv.KVPair} for confd's key-value pairs) instead of the Java class name.
 */
public interface GoNamed {

    /** @return the Go type's name, e.g. {@code memkv.KVPair} */
    String goTypeName();

    /**
     * The struct's fields in declaration order, so {@code printf} applies its verb to each as Go
     * does ({@code %q} of a KVPair is {@code {"a" "b"}}); null (the default) prints {@code toString()}
     * for {@code %v}/{@code %s} and treats other verbs as wrong.
     */
    default java.util.List<Object> goFields() {
        return null;
    }
}
