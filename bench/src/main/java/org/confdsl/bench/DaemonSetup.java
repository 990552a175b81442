package org.confdsl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;

/** Keys and scripts the daemon benches share: a 5-key resource and a 10,000-key one, under one work directory. */
final class DaemonSetup {

    private final Path work;
    private final KV kv;
    private final String endpoint;

    DaemonSetup(Path work, KV kv, String endpoint) {
        this.work = work;
        this.kv = kv;
        this.endpoint = endpoint;
    }

    /** Five keys {@code /small/a..e}; returns the script. Its destination's last line is {@code e=...}. */
    Path small() throws Exception {
        StringBuilder template = new StringBuilder();
        for (String k : List.of("a", "b", "c", "d", "e")) {
            put("/small/" + k, "v0");
            template.append(k).append("=${getv('/").append(k).append("')}\n");
        }
        return script("small", template.toString());
    }

    /** {@code keys} items under {@code /big/items} and {@code /big/marker}, rendered in full; returns the script. */
    Path big(int keys) throws Exception {
        List<Op> batch = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            batch.add(Op.put(bytes(String.format("/big/items/%05d", i)), bytes("127.0.0.1:" + (10000 + i)), PutOption.DEFAULT));
            if (batch.size() == 100 || i == keys - 1) {
                kv.txn().Then(batch.toArray(new Op[0])).commit().get(10, TimeUnit.SECONDS);
                batch.clear();
            }
        }
        put("/big/marker", "m0");
        return script("big", "marker=${getv('/marker')}\n<% getvs('/items/*').each { %>server ${it};\n<% } %>");
    }

    Path dest(String name) {
        return work.resolve("out/" + name + ".conf");
    }

    FileAwaiter awaiter(String name) throws IOException {
        Files.createDirectories(dest(name).getParent());
        return new FileAwaiter(dest(name));
    }

    void put(String key, String value) throws Exception {
        kv.put(bytes(key), bytes(value)).get(60, TimeUnit.SECONDS); // generous: a loaded machine's etcd can stall
    }

    Path script(String name, String template) throws IOException {
        Files.writeString(work.resolve(name + ".tmpl"), template);
        Path script = work.resolve(name + ".groovy");
        Files.writeString(script, "store etcd('" + endpoint + "')\n"
                + "resource('" + name + "') {\n"
                + "    prefix '/" + name + "'\n"
                + "    template '" + name + ".tmpl'\n"
                + "    dest 'out/" + name + ".conf'\n"
                + "    mkdirs true\n"
                + "}\n");
        return script;
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
