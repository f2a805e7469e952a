package io.weft.gateway.edge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that remembers whether reading it failed, so that a failed upload can tell the
 * client's side (the body broke off) from the grid's (the result changed under it).
 */
public final class ReadFailureRecorder extends FilterInputStream {

    private volatile IOException failure;

    public ReadFailureRecorder(InputStream body) {
        super(body);
    }

    /** The failure of a read, or null if every read succeeded. */
    public IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return super.read(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
