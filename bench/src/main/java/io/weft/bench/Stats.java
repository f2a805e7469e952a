package io.weft.bench;

import java.util.Arrays;
import java.util.List;

/** Medians, spreads and percentiles of repeated measurements. */
record Stats(double median, double min, double max) {

    static Stats of(List<Double> runs) {
        double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(percentile(sorted, 50), sorted[0], sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double percentileOf(long[] values, double p) {
        double[] sorted = Arrays.stream(values).asDoubleStream().sorted().toArray();
        return percentile(sorted, p);
    }

    /** "median (min–max)" with the given format. */
    String format(String pattern) {
        return String.format(pattern + " (" + pattern + "–" + pattern + ")", median, min, max);
    }
}
