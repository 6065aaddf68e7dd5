package org.directbill.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed-loop HTTP/1.1 load: {@code connections} threads, each on a kept-alive connection of its
 * own, sending its next request as soon as the previous answer arrived, for a set time; every
 * answer's latency is kept (nanoseconds), and the CPU time the service and this JVM spent.
 *
 * <p>Plain blocking sockets and requests written out once as bytes, rather than {@code
 * java.net.http}: on this 2-core machine the JDK client spent 0.5 to 1 ms of CPU per request (its
 * selector thread, futures, header maps), a third of what the machine had, taken from the service
 * under test. Here a request costs the load a write and a read. Answers are read by their {@code
 * Content-Length} or chunked; a {@code Connection: close} (Tomcat closes a connection after 100
 * requests by default) opens a new one, as any HTTP client would.
 */
final class HttpLoad {

    /** What a load measured. */
    record Result(
            String name,
            long answers,
            long errors,
            double seconds,
            long[] nanos,
            long firstErrorStatus,
            long serviceCpuNanos,
            long clientCpuNanos) {

        double perSecond() {
            return answers / seconds;
        }

        Timings latencies() {
            return new Timings(nanos);
        }

        /** The service's CPU time (all its threads) per answer: what the machine's other load does not lengthen much. */
        double serviceCpuMicrosPerAnswer() {
            return serviceCpuNanos / 1e3 / answers;
        }

        double clientCpuMicrosPerAnswer() {
            return clientCpuNanos / 1e3 / answers;
        }

        /** Rounds of the same load, as one: their answers over their time together. */
        static Result merge(String name, List<Result> rounds) {
            long answers = 0;
            long errors = 0;
            double seconds = 0;
            long firstError = 0;
            long serviceCpu = 0;
            long clientCpu = 0;
            long[] nanos = new long[0];
            for (Result round : rounds) {
                serviceCpu += round.serviceCpuNanos();
                clientCpu += round.clientCpuNanos();
                answers += round.answers();
                errors += round.errors();
                seconds += round.seconds();
                firstError = firstError == 0 ? round.firstErrorStatus() : firstError;
                long[] joined = Arrays.copyOf(nanos, nanos.length + round.nanos().length);
                System.arraycopy(round.nanos(), 0, joined, nanos.length, round.nanos().length);
                nanos = joined;
            }
            return new Result(name, answers, errors, seconds, nanos, firstError, serviceCpu, clientCpu);
        }
    }

    private final String host;
    private final int port;
    private final int connections;
    private final ProcessHandle service;

    /** @param service the process of the service under load, whose CPU time is measured */
    HttpLoad(String host, int port, int connections, ProcessHandle service) {
        this.host = host;
        this.port = port;
        this.connections = connections;
        this.service = service;
    }

    /** A request written out once: {@code method path}, the headers, and a JSON body when given. */
    byte[] request(String method, String path, String authorization, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nAuthorization: ")
                .append(authorization)
                .append("\r\nAccept: application/json\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * Sends {@code requests} round-robin (each thread starting at its own offset) for {@code duration}.
     * An answer that is not 2xx, or a broken connection, counts as an error.
     */
    Result run(String name, List<byte[]> requests, Duration duration) throws InterruptedException {
        return run(name, requests, duration, 0);
    }

    /**
     * The same, paced: {@code perSecond} requests a second in all, each thread sending on its own
     * schedule (every {@code connections / perSecond} seconds, the threads staggered). A latency is
     * counted from when the request was due, not when it could be sent, so an answer that held up the
     * next request counts for both (no coordinated omission). {@code perSecond} 0: as fast as answers
     * come.
     */
    Result run(String name, List<byte[]> requests, Duration duration, double perSecond) throws InterruptedException {
        long interval = perSecond <= 0 ? 0 : (long) (connections * 1e9 / perSecond);
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstErrorStatus = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        long serviceCpu = cpuNanos(service);
        long clientCpu = cpuNanos(ProcessHandle.current());
        long started = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            int index = t;
            Thread thread = new Thread(
                    () -> {
                        long[] mine = new long[1 << 14];
                        int count = 0;
                        int next = index % requests.size();
                        Connection connection = null;
                        long due = System.nanoTime() + interval * index / connections;
                        while (due < deadline) {
                            if (interval > 0) {
                                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                    LockSupport.parkNanos(wait);
                                }
                            }
                            byte[] request = requests.get(next);
                            next = (next + 1) % requests.size();
                            long sent = interval > 0 ? due : System.nanoTime();
                            int status;
                            try {
                                if (connection == null) {
                                    connection = new Connection(host, port);
                                }
                                status = connection.exchange(request);
                                if (connection.closing) {
                                    connection.close();
                                    connection = null;
                                }
                            } catch (IOException failed) {
                                status = -1;
                                if (connection != null) {
                                    connection.close();
                                    connection = null;
                                }
                            }
                            long took = System.nanoTime() - sent;
                            due = interval > 0 ? due + interval : System.nanoTime();
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[count++] = took;
                            if (status < 200 || status > 299) {
                                errors.incrementAndGet();
                                firstErrorStatus.compareAndSet(0, status);
                            }
                        }
                        if (connection != null) {
                            connection.close();
                        }
                        latencies[index] = mine;
                        counts[index] = count;
                    },
                    "load-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        serviceCpu = cpuNanos(service) - serviceCpu;
        clientCpu = cpuNanos(ProcessHandle.current()) - clientCpu;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Result(name, total, errors.get(), seconds, all, firstErrorStatus.get(), serviceCpu, clientCpu);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** One kept-alive HTTP/1.1 connection: a request written, its answer read whole. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();
        private final byte[] skip = new byte[8192];
        boolean closing;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().trim(), 16);
                        size > 0;
                        size = Long.parseLong(readLine().trim(), 16)) {
                    skip(size);
                    readLine();
                }
                readLine();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long length) throws IOException {
            long left = length;
            while (left > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, left));
                if (read < 0) {
                    throw new IOException("connection closed in an answer");
                }
                left -= read;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
