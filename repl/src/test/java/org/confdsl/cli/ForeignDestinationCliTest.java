package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A destination symlink planted by another user shows nothing of its target, in any command (runs as root, as CI does). */
class ForeignDestinationCliTest {

    @TempDir
    Path dir;

    @Test
    void renderDiffAndNoopRefuseALinkOfAnotherUserAndPrintNoneOfItsTarget() throws Exception {
        Path secret = Files.writeString(dir.resolve("shadow"), "root:s3cret-hash\n");
        Path link = Files.createSymbolicLink(dir.resolve("app.conf"), secret);
        Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        Files.writeString(dir.resolve("keys.yaml"), "app:\n  name: x\n");
        Files.writeString(dir.resolve("app.tmpl"), "name ${getv('/name')}\n");
        Path script = Files.writeString(dir.resolve("app.groovy"), "store file('keys.yaml')\n"
                + "resource('app') {\n    prefix '/app'\n    keys '/name'\n    template 'app.tmpl'\n    dest 'app.conf'\n}\n");
        String state = dir.resolve("state").toString();

        CliRunner.Result diff = CliRunner.run("render", script.toString(), "--diff");
        CliRunner.Result noop = CliRunner.run("run", script.toString(), "--once", "--noop", "--state-dir", state);

        assertThat(diff.code()).as(diff.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(diff.err()).as(diff.toString()).startsWith("confdsl: refusing to follow " + link + ": it is a symlink owned by nobody");
        assertThat(noop.code()).as(noop.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(noop.err()).as(noop.toString()).startsWith("app FAILED " + link + " (revision ").contains("refusing to follow");
        assertThat(diff.out() + diff.err() + noop.out() + noop.err()).doesNotContain("s3cret");
        assertThat(secret).hasContent("root:s3cret-hash");
    }
}
