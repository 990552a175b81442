package org.confdsl.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.confdsl.dsl.DslException;
import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §2: {@code validate} in a resource and {@code match:} in a template stop a value that would reshape the config. */
class ValueValidationTest {

    /** The hostile upstream: it closes the upstream block and opens a server that serves the file system. */
    static final String HOSTILE = "127.0.0.1:1; } server { listen 8080; root /; autoindex on; } upstream x { server 127.0.0.1:2";

    static final Map<String, String> KEYS = Map.of("/cloud/subdomain", "cloud", "/cloud/upstream/a", "127.0.0.1:9001",
            "/cloud/upstream/b", HOSTILE, "/cloud/other", "anything; goes", "/cloud/nl/c", "127.0.0.1:9003\n} server {");

    @TempDir
    Path dir;

    ResourceModel resource(String words, String template) throws IOException {
        Files.writeString(dir.resolve("cloud.conf.tmpl"), template);
        Path script = dir.resolve("cloud.groovy");
        Files.writeString(script, """
                resource('cloud') {
                    prefix   '/cloud'
                    template 'cloud.conf.tmpl'
                    dest     'out/cloud.conf'
                    %s
                }
                """.formatted(words));
        EngineModel model = new DslLoader().load(script);
        return model.resources().get(0);
    }

    static String render(ResourceModel r) {
        return new String(new TemplateRenderer().render(r, new Snapshot(3, new java.util.TreeMap<>(KEYS))).content(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static final String UPSTREAMS = "upstream ${getv('/subdomain')} {\n<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n";

    @Test
    void withoutARuleTheHostileValueBecomesAServerBlock() throws IOException {
        assertThat(render(resource("", UPSTREAMS))).contains("server { listen 8080; root /; autoindex on; }");
    }

    @Test
    void aResourceRuleFailsTheRenderNamingTheKeyAndTheTemplateLineButNotTheValue() throws IOException {
        ResourceModel r = resource("validate '/upstream/*', ~/^[\\w.-]+:\\d+$/", UPSTREAMS);
        assertThatThrownBy(() -> render(r)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.getMessage()).startsWith("(cloud.conf.tmpl, line 2) value of /cloud/upstream/b does not match /^[\\w.-]+:\\d+$/");
            assertThat(e.getMessage()).contains("validate '/upstream/*'").doesNotContain("autoindex").doesNotContain("127.0.0.1");
        });
    }

    @Test
    void aRuleOnADirectoryCoversEveryKeyBelowItAndOnlyValuesTheTemplateReads() throws IOException {
        assertThatThrownBy(() -> render(resource("validate '/upstream', /^[\\d.:]+$/", "${getv('/upstream/b')}")))
                .hasMessageStartingWith("(cloud.conf.tmpl, line 1) value of /cloud/upstream/b does not match /^[\\d.:]+$/");
        assertThatThrownBy(() -> render(resource("validate '/upstream', /^[\\d.:]+$/", "${gets('/upstream/*')*.value}")))
                .hasMessageStartingWith("(cloud.conf.tmpl, line 1) value of /cloud/upstream/b does not match");
        // a and subdomain pass, other is not covered by the rule: the render goes through
        assertThat(render(resource("validate '/upstream', /^[\\d.:]+$/", "${getv('/upstream/a')} ${getv('/other')}")))
                .isEqualTo("127.0.0.1:9001 anything; goes");
    }

    @Test
    void matchInTheTemplateChecksGetvAndGetvs() throws IOException {
        ResourceModel r = resource("", "ok ${getv('/upstream/a', match: /^[\\w.-]+:\\d+$/)}\n${getv('/upstream/b', match: ~/^[\\w.-]+:\\d+$/)}\n");
        assertThatThrownBy(() -> render(r))
                .hasMessageStartingWith("(cloud.conf.tmpl, line 2) value of /cloud/upstream/b does not match /^[\\w.-]+:\\d+$/")
                .message().doesNotContain("autoindex");
        assertThatThrownBy(() -> render(resource("", "x\n<% getvs('/upstream/*', match: /^[\\w.-]+:\\d+$/).each { %>${it}<% } %>")))
                .hasMessageStartingWith("(cloud.conf.tmpl, line 2) value of /cloud/upstream/b does not match");
        assertThat(render(resource("", "${getv('/upstream/a', match: /^[\\w.-]+:\\d+$/)} ${getv('/nope', 'd', match: /x/)}")))
                .isEqualTo("127.0.0.1:9001 d");
    }

    @Test
    void theWholeValueMustMatchEvenWithoutAnchors() throws IOException {
        assertThatThrownBy(() -> render(resource("validate '/upstream/b', /[\\w.-]+:\\d+/", UPSTREAMS)))
                .hasMessageContaining("value of /cloud/upstream/b does not match");
    }

    @Test
    void aValueWithANewlineAfterAGoodFirstLineDoesNotPass() throws IOException {
        assertThatThrownBy(() -> render(resource("validate '/nl', ~/^[\\w.-]+:\\d+$/", "${getvs('/nl/*')}")))
                .hasMessageContaining("value of /cloud/nl/c does not match");
    }

    @Test
    void mistakesInRulesAreNamed() throws IOException {
        assertThatThrownBy(() -> resource("validate 'upstream/*', /x/", UPSTREAMS)).isInstanceOf(DslException.class)
                .hasMessageContaining("(cloud.groovy, line 5) validate 'upstream/*' must start with '/'");
        assertThatThrownBy(() -> resource("validate '/upstream/*', '[oops'", UPSTREAMS)).isInstanceOf(DslException.class)
                .hasMessageContaining("(cloud.groovy, line 5) validate '/upstream/*': not a regular expression");
        assertThatThrownBy(() -> render(resource("", "${getv('/upstream/a', mtch: /x/)}")))
                .hasMessageStartingWith("(cloud.conf.tmpl, line 1) no option 'mtch'");
    }
}
