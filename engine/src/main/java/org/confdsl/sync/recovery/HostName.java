package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as the kernel has it, without a DNS lookup (which can hang). */
final class HostName {

    private HostName() {
    }

    static String get() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
