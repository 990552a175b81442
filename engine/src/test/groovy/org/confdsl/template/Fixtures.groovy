package org.confdsl.template

import java.nio.file.Path
import org.confdsl.model.ResourceModel
import org.confdsl.store.Snapshot

/** Shared test data: the scenario's keys plus a few more, and resource builders. */
final class Fixtures {

    private Fixtures() {
    }

    static Snapshot snapshot(Map<String, String> entries, long revision = 7) {
        new Snapshot(revision, new TreeMap<String, String>(entries))
    }

    /** Keys under /cloud, chosen so that key order and value order differ under /upstream. */
    static Snapshot cloud() {
        snapshot([
                '/cloud'            : 'the prefix itself',
                '/cloud/subdomain'  : 'cloud',
                '/cloud/upstream/a' : '127.0.0.1:8082',
                '/cloud/upstream/b' : '127.0.0.1:8081',
                '/cloud/upstream/c/x': 'deep',
                '/cloud/json'       : '{"port": 80, "name": "web", "tags": ["a", "b"], "ratio": 1.5}',
                '/cloud/jsonarr'    : '[1, "two", {"three": 3}]',
                '/cloud/b64'        : 'aGVsbG8=',
                '/cloudy/x'         : 'not under /cloud',
                '/other/secret'     : 'not under /cloud',
        ])
    }

    static ResourceModel resource(Path template, String prefix = '/cloud') {
        new ResourceModel('cloud', prefix, ['/subdomain', '/upstream'], template, Path.of('/tmp/cloud.conf'),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, org.confdsl.model.Debounce.DEFAULT, 1)
    }

    /** Renders template text against {@code view} without touching the file system. */
    static String render(String text, KeyView view) {
        new ConfTemplateEngine().createTemplate(text).render(new TemplateFunctions(view))
    }
}
