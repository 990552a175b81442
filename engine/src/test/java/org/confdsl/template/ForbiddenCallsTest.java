package org.confdsl.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ending the process from a template would end the daemon silently: every spelling of it is
 * refused when the template is compiled, naming the template line. Only compiled, never run.
 */
class ForbiddenCallsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<% System.exit(0) %>                                  | System.exit",
        "${System.exit(1)}                                     | System.exit",
        "<% Runtime.getRuntime().halt(1) %>                    | Runtime.halt",
        "<% Runtime.getRuntime().exit(1) %>                    | Runtime.exit",
        "<% Runtime.runtime.halt(2) %>                         | Runtime.halt",
        "<% def r = Runtime.getRuntime(); r.halt(3) %>         | Runtime.halt",
        "<% def quit = System.&exit; quit(0) %>                | System.exit",
        "<% java.lang.System.exit(0) %>                        | System.exit",
    })
    void endingTheProcessIsRefusedWhenCompiling(String code, String named) {
        String text = "line one\nline two\n" + code + "\n";
        TemplateException e = assertThrows(TemplateException.class,
                () -> new ConfTemplateEngine().compile(Path.of("/t/site.tmpl"), text));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("(site.tmpl, line 3) "), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<% def exit = 1 %>${exit}                             | 1",
        "${[halt: 2].halt}                                     | 2",
        "<% def m = [exit: { 3 }] %>${m.exit()}                | 3",
    })
    void wordsNamedExitOrHaltElsewhereAreFine(String code, String rendered) {
        ConfTemplate t = new ConfTemplateEngine().compile(Path.of("/t/ok.tmpl"), code);
        assertEquals(rendered, t.make().toString());
    }
}
