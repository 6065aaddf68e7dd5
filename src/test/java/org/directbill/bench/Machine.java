package org.directbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a benchmark ran on, as docs/benchmarks.md records it. */
record Machine(String cpu, int cores, String memory, String jdk, String postgres) {

    static Machine describe(JdbcClient jdbc) {
        return new Machine(
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal")
                        .map(kb -> "%.1f GiB".formatted(Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                        .orElse("?"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                jdbc.sql("SELECT version()").query(String.class).single()
                        + "; shared_buffers "
                        + jdbc.sql("SHOW shared_buffers").query(String.class).single()
                        + ", work_mem "
                        + jdbc.sql("SHOW work_mem").query(String.class).single());
    }

    /** The load averages over 1, 5 and 15 minutes: other work on the machine skews the timings. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unreadable) {
            return "?";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    String markdown() {
        return """
                | machine | |
                |---|---|
                | CPU | %s |
                | cores | %d |
                | memory | %s |
                | JDK | %s |
                | PostgreSQL | %s |
                """.formatted(cpu, cores, memory, jdk, postgres);
    }
}
