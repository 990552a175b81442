package org.confdsl.gotemplate;

import java.util.List;

/**
 * A function a Go template calls by name, as Go's {@code template.FuncMap} values are.
 *
 * <p>Arguments arrive already evaluated, in the value model of {@link GoTemplate}: {@code String},
 * {@code Long}/{@code Integer} (Go ints), {@code Double} (float64), {@code Boolean}, {@code List}
 * (slices), {@code Map} with String keys, {@code null} (nil) and any other Java object (a struct
 * whose fields are read with {@code .Name}). The number of arguments has been checked against the
 * arity declared in {@link FuncMap} before the call, so a function only reads {@code args}.
 *
 * <p>Go functions may return {@code (value, error)}: here a non-nil error is a thrown exception. The
 * template stops with {@code template: NAME:LINE:COL: executing "NAME" at <CMD>: error calling FN: MSG},
 * where MSG is the exception's message. A {@link GoTypeError} thrown while reading an argument is
 * reported as Go reports a badly typed argument ({@code wrong type for value; expected string; got int}).
 */
@FunctionalInterface
public interface GoFunction {

    /**
     * Calls the function.
     *
     * @param args the evaluated arguments (the pipeline's previous value is the last); never null,
     *     not modifiable
     * @return the result (null is Go's nil)
     * @throws Exception Go's non-nil error: its message ends the template's error text
     */
    Object call(List<Object> args) throws Exception;
}
