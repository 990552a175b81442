package org.confdsl.template;

/**
 * A template function could not do what it was asked: a missing key, a malformed argument, an odd
 * number of arguments to {@code map}. The message is written for the template's author and never
 * contains a key's value. {@link TemplateRenderer} adds the template name and line.
 */
public class TemplateFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateFunctionException(String message) {
        super(message);
    }

    public TemplateFunctionException(String message, Throwable cause) {
        super(message, cause);
    }
}
