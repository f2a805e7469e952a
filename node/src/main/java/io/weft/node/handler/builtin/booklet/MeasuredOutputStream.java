package io.weft.node.handler.builtin.booklet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) the bytes on their way through, so a handler can report what it wrote. */
final class MeasuredOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;
    private String sha256;

    MeasuredOutputStream(OutputStream out) {
        super(out);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        requireOpen();
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        count += length;
    }

    private void requireOpen() throws IOException {
        if (sha256 != null) {
            throw new IOException("the SHA-256 was taken: no more bytes may be written");
        }
    }

    long count() {
        return count;
    }

    /** The hex SHA-256 of everything written; once asked, the stream takes no more bytes. */
    String sha256() {
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }
}
