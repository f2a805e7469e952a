package io.weft.model.cluster;

import java.util.NoSuchElementException;

/**
 * An id that is not there because the partition that held it was lost, not because it never existed:
 * HTTP 410 Gone rather than 404. It is a {@link NoSuchElementException}, so a caller that does not
 * tell the two apart still sees "not found".
 */
public final class DataLostException extends NoSuchElementException {

    private final transient LostPartition lost;

    public DataLostException(String kind, String id, LostPartition lost) {
        super(kind + " " + id + " was " + lost.describe());
        this.lost = lost;
    }

    public LostPartition lost() {
        return lost;
    }
}
