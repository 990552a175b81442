package org.confdsl.gotemplate;

/**
 * Optional for Java objects that stand for a Go struct: the Go type name that error messages and
 * {@code %T} show ({@code memkv.KVPair} for confd's key-value pairs) instead of the Java class name.
 */
public interface GoNamed {

    /** @return the Go type's name, e.g. {@code memkv.KVPair} */
    String goTypeName();
}
