package org.confdsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.Engine;
import org.confdsl.run.HostRegistry;
import org.confdsl.run.StatusPublisher;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.StoreException;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;

/**
 * Several simulated watch daemons in one JVM, for {@link ScaleOutBench}: each has what a real
 * {@code confdsl run --watch} daemon has against etcd (its own etcd client and watch, its own
 * engine, syncer and destination directory, its host registration and status publisher on its
 * own lease), without the program's command line, logs and signal handling. Runs until killed.
 *
 * <pre>FleetJvm ETCD_URL DIR FIRST COUNT</pre>
 */
public final class FleetJvm {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dir = Path.of(args[1]);
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Path template = dir.resolve("app.tmpl");
        // Ends with the bench, even when the bench is killed.
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        List<Thread> threads = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String host = String.format("d%03d", i);
            Path own = Files.createDirectories(dir.resolve(host));
            ResourceModel app = new ResourceModel("app", "/app", List.of("/"), template, own.resolve("app.conf"),
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false,
                    Debounce.DEFAULT, 1);
            StoreModel.Etcd storeModel = StoreModel.Etcd.of(List.of(url));
            EngineModel model = new EngineModel(dir.resolve("fleet.groovy"), storeModel, List.of(app));
            Started daemon = startDaemon(storeModel, host);
            Engine engine = new Engine(model, daemon.store(), new TemplateRenderer(),
                    new Syncer(new CommandRunner(), PendingReloads.inMemory()));
            StatusPublisher status = daemon.status();
            Thread t = new Thread(() -> {
                try {
                    engine.watch(SyncOptions.DEFAULT, status, Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "daemon-" + host);
            t.start();
            threads.add(t);
        }
        System.out.println("started " + count);
        System.out.flush();
        for (Thread t : threads) {
            t.join();
        }
    }

    private record Started(EtcdStore store, StatusPublisher status) {
    }

    /**
     * A daemon's store, registration and status lease. On a loaded machine 50 clients starting at
     * once can miss etcd's 5 s answer: tried again a few times, as a real daemon's restart would.
     */
    private static Started startDaemon(StoreModel.Etcd storeModel, String host) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            EtcdStore store = EtcdStore.open(storeModel);
            try {
                new HostRegistry(store).register(host, List.of("app"), "fleet.groovy", "");
                return new Started(store, new StatusPublisher(store, host, StatusPublisher.DEFAULT_TTL));
            } catch (StoreException e) {
                store.close();
                if (attempt == 5) {
                    throw e;
                }
                System.err.println(host + ": " + e.getMessage() + "; trying again");
                Thread.sleep(1000L * attempt);
            }
        }
    }
}
