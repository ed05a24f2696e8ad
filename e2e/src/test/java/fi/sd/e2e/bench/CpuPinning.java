package fi.sd.e2e.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU affinity with {@code taskset} (Linux, util-linux): the processes of the run pinned to some CPUs, so that a
 * service under measurement has the others to itself. Every thread of a process is pinned ({@code -a}); threads
 * it starts later inherit the mask.
 */
final class CpuPinning {

    /** The machine's CPUs, counted before anything is pinned: a pinned JVM counts only those it may run on. */
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private CpuPinning() {
    }

    /** Whether pinning apart can be done here: {@code taskset} present and at least two CPUs. */
    static boolean possible() {
        return cpus() >= 2 && run("taskset", "-V");
    }

    static int cpus() {
        return CPUS;
    }

    /** Every CPU, in {@code taskset -c} notation: what a process gets back when it is unpinned. */
    static String all() {
        return "0-" + (cpus() - 1);
    }

    /** The process and every process it started (their threads too) kept on {@code cpus}; false if taskset refused one. */
    static boolean pinWithDescendants(ProcessHandle process, String cpus) {
        return Stream.concat(Stream.of(process), process.descendants()).filter(ProcessHandle::isAlive)
                .map(p -> pin(p.pid(), cpus)).reduce(true, Boolean::logicalAnd);
    }

    static boolean pin(long pid, String cpus) {
        return run("taskset", "-a", "-p", "-c", cpus, Long.toString(pid));
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
