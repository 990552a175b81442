package org.confdsl.template;

import java.nio.file.Path;

/**
 * A Go template that cannot be read, parsed or executed. Its message is confd's own log text, so
 * that operators' alerts keep matching: {@code Missing template: /etc/confd/templates/x.tmpl},
 * {@code Unable to process template /etc/confd/templates/x.tmpl, template: x.tmpl:3: ...},
 * {@code template: x.tmpl:1:11: executing "x.tmpl" at <getv "/a">: error calling getv: key does not exist: /a}.
 */
public final class GoRenderException extends TemplateException {

    private static final long serialVersionUID = 1L;

    private final String confdMessage;

    public GoRenderException(Path template, String confdMessage, Throwable cause) {
        super(template, 0, confdMessage, cause);
        this.confdMessage = confdMessage;
    }

    @Override
    public String getMessage() {
        return confdMessage;
    }
}
