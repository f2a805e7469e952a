package io.weft.node.execution;

import io.weft.model.grid.ResultOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The results an attempt writes, completed only if the attempt succeeds. A handler that writes an
 * output in a try-with-resources block and then throws would otherwise complete the output with the
 * bytes so far: the close of the block runs either way. So the handler's close only marks the output
 * as written; the runner completes written outputs after the handler returns, and discards every
 * output of an attempt that failed (the result stays CREATED for the next attempt).
 */
final class AttemptOutputs {

    private final List<Written> opened = new ArrayList<>();

    synchronized OutputStream track(ResultOutputStream out) {
        Written written = new Written(out);
        opened.add(written);
        return written;
    }

    /**
     * The handler returned: completes what it wrote and closed, discards what it left open. Returns
     * the ids of the results it completed.
     */
    synchronized Set<String> commit() throws IOException {
        IOException first = null;
        Set<String> completed = new HashSet<>();
        for (Written written : opened) {
            try {
                if (written.closedByHandler) {
                    written.target.close();
                    completed.add(written.target.meta().id());
                } else {
                    written.target.discard();
                }
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
        return completed;
    }

    /** The attempt failed: none of its outputs completes. */
    synchronized void discard() {
        opened.forEach(written -> written.target.discard());
        opened.clear();
    }

    private static final class Written extends FilterOutputStream {
        private final ResultOutputStream target;
        private boolean closedByHandler;

        Written(ResultOutputStream target) {
            super(target);
            this.target = target;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void close() {
            closedByHandler = true;
        }
    }
}
