package io.weft.gateway.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker of the text exposition format and its naming conventions. */
final class Promtool {

    private Promtool() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("promtool", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code promtool check metrics} on {@code exposition} (kept in {@code file}); returns its complaints, empty if none. */
    static String checkMetrics(String exposition, Path file) throws IOException, InterruptedException {
        Files.writeString(file, exposition);
        Path report = file.resolveSibling(file.getFileName() + ".promtool");
        Process process = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 60 s");
        }
        String complaints = Files.readString(report).trim();
        return process.exitValue() == 0 && complaints.isEmpty() ? "" : "exit " + process.exitValue() + ": " + complaints;
    }
}
