package io.weft.model.result;

/** Builds the key of one chunk of a result's bytes; chunks of one result spread over partitions. */
public final class ChunkKey {

    private ChunkKey() {
    }

    public static String of(String resultId, int index) {
        return resultId + "#" + index;
    }
}
