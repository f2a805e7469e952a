package io.weft.node.config;

import java.util.Locale;

/** Reads a size an operator wrote: plain bytes ({@code 1073741824}) or with a binary unit ({@code 1GiB}). */
final class ByteSize {

    private ByteSize() {
    }

    static long parse(String name, String text) {
        String value = text.trim();
        String upper = value.toUpperCase(Locale.ROOT);
        int shift = 0;
        for (String[] unit : new String[][] {{"KIB", "10"}, {"MIB", "20"}, {"GIB", "30"}, {"TIB", "40"}}) {
            if (upper.endsWith(unit[0])) {
                shift = Integer.parseInt(unit[1]);
                value = value.substring(0, value.length() - unit[0].length()).trim();
                break;
            }
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of bytes, optionally with KiB, MiB, GiB or TiB, got '"
                    + text + "'");
        }
        if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(name + " must be at least 1 byte and fit in 63 bits, got '" + text + "'");
        }
        return number << shift;
    }
}
