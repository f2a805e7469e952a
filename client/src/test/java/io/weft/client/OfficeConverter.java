package io.weft.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice (Debian's libreoffice-writer-nogui) turning a document into PDF, and poppler's
 * {@code pdftotext} reading the PDF's text back: proof that a file opens in an office suite.
 */
final class OfficeConverter {

    private static final long CONVERT_TIMEOUT_SECONDS = 180;
    private static final long EXTRACT_TIMEOUT_SECONDS = 60;

    private OfficeConverter() {
    }

    /** Whether both {@code libreoffice} and {@code pdftotext} run here. */
    static boolean available() {
        return runs(List.of("libreoffice", "--version")) && runs(List.of("pdftotext", "-v"));
    }

    /**
     * Converts {@code document} to PDF in {@code outDir}, with a LibreOffice profile of its own under
     * {@code outDir} (so a desktop instance or a parallel test does not share it); returns the PDF.
     */
    static Path toPdf(Path document, Path outDir) throws IOException, InterruptedException {
        Path profile = outDir.resolve("lo-profile");
        run(List.of("libreoffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", outDir.toString(), document.toString()),
                outDir.resolve("libreoffice.log"), CONVERT_TIMEOUT_SECONDS);
        String name = document.getFileName().toString();
        Path pdf = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        if (!Files.isRegularFile(pdf)) {
            throw new IllegalStateException("libreoffice wrote no " + pdf + ": " + Files.readString(outDir.resolve("libreoffice.log")));
        }
        return pdf;
    }

    /** The PDF's text, as pdftotext reads it (UTF-8). */
    static String text(Path pdf) throws IOException, InterruptedException {
        Path text = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), text.toString()),
                pdf.resolveSibling("pdftotext.log"), EXTRACT_TIMEOUT_SECONDS);
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    private static void run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " does not run here (apt-get install libreoffice-writer-nogui"
                    + " poppler-utils): " + e.getMessage(), e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + process.exitValue() + ": " + Files.readString(log));
        }
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
