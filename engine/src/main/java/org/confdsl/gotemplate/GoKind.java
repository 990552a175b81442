package org.confdsl.gotemplate;

/**
 * The Go type of a function parameter, for functions declared with typed parameters in
 * {@link FuncMap}: the executor then converts and checks each argument as Go does for a typed Go
 * function, in Go's words ({@code expected integer; found "1"} for a literal of the wrong kind,
 * {@code wrong type for value; expected int; got string} for a value, {@code invalid value;
 * expected string} for a missing one, {@code cannot assign nil to int}).
 */
public enum GoKind {
    /** Go's string: the function receives a String. */
    STRING("string"),
    /** Go's int: the function receives a Long (number literals must be integers). */
    INT("int"),
    /** Go's float64: the function receives a Double (any number literal converts). */
    FLOAT("float64"),
    /** Go's bool: the function receives a Boolean. */
    BOOL("bool"),
    /** Go's interface{}: anything, nil included, unchanged (the default). */
    ANY("interface {}");

    private final String goName;

    GoKind(String goName) {
        this.goName = goName;
    }

    /** @return Go's name of the type, as messages print it */
    public String goName() {
        return goName;
    }
}
