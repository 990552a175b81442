package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confdsl.model.StoreModel;
import org.confdsl.store.EtcdStore;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script of 200 resources (two watched keys each) against an etcd with its default limits. */
class ManyResourcesEtcdCliTest {

    @TempDir
    Path tmp;

    @Test
    void runOnceWritesTwoHundredResourcesFromADefaultEtcd() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start();
                EtcdStore store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            StringBuilder script = new StringBuilder("store etcd('" + etcd.clientUrl() + "')\n");
            Map<String, String> batch = new LinkedHashMap<>();
            for (int i = 0; i < 200; i++) {
                script.append("resource('r").append(i).append("') { prefix '/fleet/r").append(i)
                        .append("'; keys '/subdomain', '/upstream'; template 'r.tmpl'; dest 'out/r").append(i)
                        .append(".conf'; mkdirs true }\n");
                batch.put("/fleet/r" + i + "/subdomain", "site" + i);
                batch.put("/fleet/r" + i + "/upstream/a", "10.0." + (i / 250) + "." + (i % 250) + ":80");
                if (batch.size() == 100) {
                    store.putAll(batch);
                    batch.clear();
                }
            }
            Files.writeString(tmp.resolve("r.tmpl"), "upstream ${getv('/subdomain')} {\n"
                    + "<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n");
            Path file = tmp.resolve("fleet.groovy");
            Files.writeString(file, script);

            CliRunner.Result r = CliRunner.run("run", file.toString(), "--once", "--state-dir", tmp.resolve("state").toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out().lines().filter(l -> l.contains(" UPDATED ")).count()).as(r.toString()).isEqualTo(200);
            assertThat(Files.readString(tmp.resolve("out/r199.conf"))).isEqualTo("upstream site199 {\n    server 10.0.0.199:80;\n}\n");
        }
    }
}
