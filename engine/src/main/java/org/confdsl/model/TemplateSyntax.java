package org.confdsl.model;

/**
 * The language of a resource's template, and with it the rules that select its keys.
 *
 * <ul>
 *   <li>{@link #GROOVY}: confdsl's own templates ({@code ${}}, {@code <% %>}); a resource's keys
 *       select key-boundary aware ({@code /app} is {@code /app} and {@code /app/...}).</li>
 *   <li>{@link #GO}: Go {@code text/template} with confd's functions, exactly as confd runs it:
 *       keys select by plain string prefix ({@code /app} also loads {@code /apple}), the resource
 *       prefix is cut as a string, and the functions answer as confd's memkv does.</li>
 * </ul>
 */
public enum TemplateSyntax {
    /** confdsl's Groovy templates. */
    GROOVY,
    /** Go text/template with confd's function set and key rules. */
    GO;

    /** {@link #GO} for a file name ending in {@code .gotmpl} or {@code .go.tmpl}, else {@link #GROOVY}. */
    public static TemplateSyntax ofFileName(String name) {
        return name.endsWith(".gotmpl") || name.endsWith(".go.tmpl") ? GO : GROOVY;
    }

    /** The syntax named {@code 'groovy'} or {@code 'go'} (any case); an error names both choices. */
    public static TemplateSyntax named(String name) {
        for (TemplateSyntax s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("template syntax '" + name + "' is not known; use 'groovy' (the default) or 'go'");
    }
}
