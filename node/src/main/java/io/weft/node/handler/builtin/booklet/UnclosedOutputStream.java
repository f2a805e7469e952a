package io.weft.node.handler.builtin.booklet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes through and turns {@code close} into {@code flush}: a library that closes the stream
 * it saves into must not close the one its caller still owns and measures.
 */
final class UnclosedOutputStream extends FilterOutputStream {

    UnclosedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
