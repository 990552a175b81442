package org.confdsl.confd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.confdsl.confd.internal.GoYamlKeys;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.MemoryStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * confd's file backend ({@code -backend file -file F}): one or more YAML files, or directories
 * searched recursively, read with go-yaml v2's typing as confd reads them ({@link GoYamlKeys});
 * later files replace earlier keys. Every {@link #snapshot} reads the files again (as confd's
 * {@code GetValues} does); a watch polls them and reports what changed.
 */
public final class ConfdFileStore implements KeyValueStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConfdFileStore.class);

    private final List<Path> paths;
    private final Duration poll;
    private final MemoryStore keys = new MemoryStore();
    private final Object lock = new Object();
    private Thread poller;
    private String lastProblem;

    /** @param paths the {@code -file} arguments, files or directories; @param poll how often a watch reads them */
    public ConfdFileStore(List<Path> paths, Duration poll) {
        if (paths.isEmpty()) {
            throw new StoreException("-backend file needs at least one -file (a YAML file or a directory of them)");
        }
        this.paths = List.copyOf(paths);
        this.poll = poll;
    }

    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        refresh();
        return keys.snapshot(prefixes);
    }

    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        Watch inner = keys.watch(prefixes, afterRevision, listener);
        synchronized (lock) {
            if (poller == null) {
                poller = new Thread(this::pollLoop, "confd-file-poll");
                poller.setDaemon(true);
                poller.start();
            }
        }
        return inner;
    }

    private void pollLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(poll.toMillis());
                refresh();
                if (lastProblem != null) {
                    LOG.info("{} can be read again", describe());
                    lastProblem = null;
                }
            } catch (InterruptedException e) {
                return;
            } catch (StoreException e) {
                if (!e.getMessage().equals(lastProblem)) {
                    LOG.warn("{}; keeping the last keys read", e.getMessage());
                    lastProblem = e.getMessage();
                }
            }
        }
    }

    /** Reads every file and applies the difference to the keys held. */
    private void refresh() {
        Map<String, String> read = readAll();
        synchronized (lock) {
            Map<String, String> now = keys.snapshot(List.of("/")).entries();
            List<String> gone = new ArrayList<>();
            for (String k : now.keySet()) {
                if (!read.containsKey(k)) {
                    gone.add(k);
                }
            }
            Map<String, String> changed = new HashMap<>();
            read.forEach((k, v) -> {
                if (!v.equals(now.get(k))) {
                    changed.put(k, v);
                }
            });
            if (!changed.isEmpty()) {
                keys.putAll(changed);
            }
            gone.forEach(keys::delete);
        }
    }

    private Map<String, String> readAll() {
        Map<String, String> out = new HashMap<>();
        for (Path file : files()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException(file + ": cannot be read (" + e.getMessage() + ")", e);
            }
            GoYamlKeys.parse(text, file.toString(), out);
        }
        return out;
    }

    private List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(out::add);
                } catch (IOException e) {
                    throw new StoreException(p + ": cannot be listed (" + e.getMessage() + ")", e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new StoreException("open " + p + ": no such file or directory; give -file an existing YAML file");
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "file " + String.join(", ", paths.stream().map(Path::toString).toList());
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (poller != null) {
                poller.interrupt();
            }
        }
        keys.close();
    }
}
