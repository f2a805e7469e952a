package io.weft.client.large;

import java.io.InputStream;

/**
 * {@code size} pseudo-random bytes made as they are read: byte {@code p} depends only on the seed and
 * {@code p} (a SplitMix64 hash of its 8-byte block), so the same bytes come back however they are
 * read, and none is held beyond the caller's buffer.
 */
final class GeneratedBytes extends InputStream {

    private final long size;
    private final long seed;
    private long position;

    GeneratedBytes(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return byteAt(position++) & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        int i = 0;
        while (i < n) {
            long block = position >>> 3;
            int within = (int) (position & 7);
            long value = mix(seed + block);
            for (int b = within; b < 8 && i < n; b++, i++, position++) {
                bytes[offset + i] = (byte) (value >>> (b << 3));
            }
        }
        return n;
    }

    private byte byteAt(long p) {
        return (byte) (mix(seed + (p >>> 3)) >>> ((p & 7) << 3));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
