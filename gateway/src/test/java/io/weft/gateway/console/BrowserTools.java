package io.weft.gateway.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the browser test needs on the machine, installed when missing: Debian's chromium (only as
 * root, as CI runs), Node.js, and the spec's {@code node_modules} from its lock file. Each command is
 * bounded; a failure carries the command's output.
 */
final class BrowserTools {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private BrowserTools() {
    }

    static void ensureChromiumAndNode() throws IOException, InterruptedException {
        boolean needChromium = !Files.isExecutable(CHROMIUM);
        boolean needNode = !onPath("node") || !onPath("npm");
        if (!needChromium && !needNode) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("install chromium, nodejs and npm (apt-get install -y chromium nodejs npm): "
                    + "the test installs them only when it runs as root");
        }
        runChecked(Path.of("."), INSTALL_TIMEOUT, Map.of(), "apt-get", "update");
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        if (needChromium) {
            install.add("chromium");
        }
        if (needNode) {
            install.addAll(List.of("nodejs", "npm"));
        }
        runChecked(Path.of("."), INSTALL_TIMEOUT, Map.of("DEBIAN_FRONTEND", "noninteractive"), install.toArray(String[]::new));
    }

    /** {@code npm ci} from the lock file, so the pinned playwright-core is what runs. */
    static void ensureNodeModules(Path folder) throws IOException, InterruptedException {
        if (!Files.isDirectory(folder.resolve("node_modules/playwright-core"))) {
            runChecked(folder, INSTALL_TIMEOUT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        }
    }

    /** Runs a command to its end within the timeout; answers its output (stdout and stderr together). */
    static Outcome run(Path folder, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("weft-console-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout + ":\n" + output);
            }
            return new Outcome(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Outcome runChecked(Path folder, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Outcome outcome = run(folder, timeout, env, command);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + outcome.exitCode() + ":\n" + outcome.output());
        }
        return outcome;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** How a command ended: its exit code and everything it printed. */
    record Outcome(int exitCode, String output) {
    }
}
