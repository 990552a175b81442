package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.confdsl.confd.ConfdSetup;
import org.confdsl.confd.ConfdSettingsBuilder;
import org.confdsl.confd.internal.GoYamlKeys;
import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.TemplateSyntax;
import org.confdsl.store.Snapshot;
import org.confdsl.template.TemplateException;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confdsl convert}: on every confd fixture, the converted script renders, resource by
 * resource, the same bytes (or the same failure) as the confd setup it came from, from the same keys.
 */
class ConvertTest {

    @TempDir
    Path dir;

    static Snapshot keysOf(String fixture) throws IOException {
        TreeMap<String, String> keys = new TreeMap<>();
        if (fixture.equals("functions")) {
            Path yaml = ConfdFixtures.source("functions").resolve("keys.yaml");
            GoYamlKeys.parse(Files.readString(yaml), yaml.toString(), keys);
        } else {
            keys.putAll(Map.of("/cloud/subdomain", "cloud", "/cloud/upstream/127.0.0.1_1337", "127.0.0.1:1337",
                    "/cloud/upstream/127.0.0.1_1338", "127.0.0.1:1338", "/cloudy/upstream/x", "not-selected"));
        }
        return new Snapshot(7, keys);
    }

    static Optional<String> render(TemplateRenderer renderer, ResourceModel r, Snapshot all) {
        try {
            return Optional.of(new String(renderer.render(r, all.restrictTo(r.watchedPrefixes())).content(), StandardCharsets.UTF_8));
        } catch (TemplateException e) {
            return Optional.empty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "functions", "errors"})
    void theConvertedScriptRendersTheSameBytesAsTheConfdSetup(String fixture) throws IOException {
        Path confdir = ConfdFixtures.copy(fixture, dir.resolve("confd"), dir.resolve("out"));
        Snapshot keys = keysOf(fixture);
        TemplateRenderer renderer = new TemplateRenderer();
        EngineModel confd = ConfdSetup.load(new ConfdSettingsBuilder().confdir(confdir).build()).model();

        Path converted = dir.resolve("converted");
        CliRunner.Result r = CliRunner.run("convert", confdir.toString(), "-o", converted.toString(), "--file", "keys.yaml");
        assertThat(r.out()).as(r.toString()).contains("wrote");
        EngineModel dsl = new DslLoader().load(converted.resolve("confd.groovy"));

        Map<Path, ResourceModel> byDest = new HashMap<>();
        dsl.resources().forEach(x -> byDest.put(x.dest(), x));
        int compared = 0;
        for (ResourceModel original : confd.resources()) {
            ResourceModel twin = byDest.get(original.dest());
            if (twin == null) {
                assertThat(original.template()).as("only a resource with a missing template is left out").doesNotExist();
                continue;
            }
            assertThat(render(renderer, twin, keys)).as(original.name()).isEqualTo(render(renderer, original, keys));
            compared++;
        }
        assertThat(compared).isPositive();
    }

    @Test
    void theScenariosTemplateBecomesGroovyAndAnUntranslatableOneStaysGo() throws IOException {
        Path converted = dir.resolve("converted");
        CliRunner.run("convert", ConfdFixtures.copy("cloud", dir.resolve("cloud"), dir.resolve("o1")).toString(), "-o", converted.resolve("c").toString());
        CliRunner.run("convert", ConfdFixtures.copy("functions", dir.resolve("fn"), dir.resolve("o2")).toString(), "-o", converted.resolve("f").toString());

        EngineModel cloud = new DslLoader().load(converted.resolve("c/confd.groovy"));
        EngineModel functions = new DslLoader().load(converted.resolve("f/confd.groovy"));
        assertThat(cloud.resources()).extracting(ResourceModel::syntax).containsExactly(TemplateSyntax.GROOVY);
        assertThat(Files.readString(converted.resolve("c/templates/cloud.conf.tmpl")))
                .startsWith("upstream ${getv('/subdomain')} {\n    <% getvs('/upstream/*').each { %>\n        server ${it};\n");
        assertThat(functions.resources()).extracting(ResourceModel::syntax).containsExactly(TemplateSyntax.GO);
        assertThat(Files.readString(converted.resolve("f/confd.groovy"))).contains("// kept as confd's Go template: ");
        assertThat(cloud.resources().get(0).reload().get().shell()).isTrue();
        assertThat(cloud.resources().get(0).keys()).isEqualTo(List.of("/subdomain", "/upstream"));
    }
}
