package org.confdsl.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Collects what a watch delivers, for assertions from the test thread. */
final class RecordingListener implements WatchListener {

    private final List<List<WatchEvent>> batches = new ArrayList<>();
    private final List<StoreException> resyncs = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void onEvents(List<WatchEvent> events) {
        batches.add(List.copyOf(events));
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public synchronized void onResync(StoreException cause) {
        resyncs.add(cause);
    }

    synchronized List<List<WatchEvent>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<WatchEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }

    synchronized List<StoreException> resyncs() {
        return List.copyOf(resyncs);
    }

    synchronized Set<String> threadNames() {
        return Set.copyOf(threads);
    }

    synchronized long lastRevision() {
        List<WatchEvent> all = events();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).revision();
    }

    /** The key map obtained by applying every delivered event to {@code start}, in order. */
    synchronized Map<String, String> replay(Map<String, String> start) {
        Map<String, String> state = new TreeMap<>(start);
        for (WatchEvent e : events()) {
            if (e.type() == WatchEvent.Type.PUT) {
                state.put(e.key(), e.value().orElseThrow());
            } else {
                state.remove(e.key());
            }
        }
        return state;
    }

    /** Names of live threads starting with {@code prefix}. */
    static Set<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .collect(Collectors.toSet());
    }
}
