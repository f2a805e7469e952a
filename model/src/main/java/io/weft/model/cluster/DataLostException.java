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

    /** Lost, and the record of the partition that took it is no longer kept. */
    public DataLostException(String kind, String id, String why) {
        super(kind + " " + id + " was lost: " + why);
        this.lost = null;
    }

    /** The partition it was lost with; null when that is no longer known. */
    public LostPartition lost() {
        return lost;
    }
}
