package org.specrage.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.specrage.util.Seeds;

/**
 * A train/test partition of row indices 0..n-1. Both index arrays are sorted ascending.
 * The random splits are a pure function of their arguments (same seed, same split).
 */
public record Split(int[] train, int[] test) {

    /** A uniformly random split with round(testFraction * n) test rows (at least one of each). */
    public static Split random(int n, double testFraction, long seed) {
        checkFraction(testFraction);
        if (n < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "need at least 2 rows to split, got " + n);
        int testCount = (int) Math.min(n - 1, Math.max(1, Math.round(testFraction * n)));
        int[] order = permutation(n, Seeds.stream(seed, "split"));
        return fromOrder(order, testCount);
    }

    /**
     * A split that keeps the class proportions: each class sends round(testFraction * size) of its
     * rows (chosen at random) to the test set. Labels must be non-negative.
     */
    public static Split stratified(int[] labels, double testFraction, long seed) {
        checkFraction(testFraction);
        int n = labels.length;
        if (n < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "need at least 2 rows to split, got " + n);
        int classes = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label of row " + i + " is negative: " + labels[i]);
            classes = Math.max(classes, labels[i] + 1);
        }
        // rows grouped by class, in row order, then shuffled within each class
        int[] start = new int[classes + 1];
        for (int y : labels) start[y + 1]++;
        for (int c = 0; c < classes; c++) start[c + 1] += start[c];
        int[] next = Arrays.copyOf(start, classes);
        int[] grouped = new int[n];
        for (int i = 0; i < n; i++) grouped[next[labels[i]]++] = i;
        SplittableRandom random = Seeds.stream(seed, "split");
        boolean[] isTest = new boolean[n];
        int testCount = 0;
        for (int c = 0; c < classes; c++) {
            int size = start[c + 1] - start[c];
            shuffle(grouped, start[c], size, random);
            int take = (int) Math.round(testFraction * size);
            for (int k = 0; k < take; k++) isTest[grouped[start[c] + k]] = true;
            testCount += take;
        }
        if (testCount == 0 || testCount == n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "a stratified split with test fraction "
                    + testFraction + " of " + n + " rows leaves an empty " + (testCount == 0 ? "test" : "training") + " set");
        }
        return fromMask(isTest, testCount);
    }

    /** The first trainRows rows for training, the rest for testing (0 < trainRows < n). */
    public static Split predefined(int n, int trainRows) {
        if (trainRows <= 0 || trainRows >= n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "predefined train rows must be in 1.." + (n - 1) + ", got " + trainRows);
        }
        int[] train = new int[trainRows];
        int[] test = new int[n - trainRows];
        for (int i = 0; i < trainRows; i++) train[i] = i;
        for (int i = trainRows; i < n; i++) test[i - trainRows] = i;
        return new Split(train, test);
    }

    private static void checkFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "test fraction must be in (0, 1), got " + testFraction);
        }
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        shuffle(order, 0, n, random);
        return order;
    }

    /** Fisher-Yates shuffle of a[from .. from+length). */
    private static void shuffle(int[] a, int from, int length, SplittableRandom random) {
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[from + i];
            a[from + i] = a[from + j];
            a[from + j] = t;
        }
    }

    private static Split fromOrder(int[] order, int testCount) {
        boolean[] isTest = new boolean[order.length];
        for (int k = 0; k < testCount; k++) isTest[order[k]] = true;
        return fromMask(isTest, testCount);
    }

    private static Split fromMask(boolean[] isTest, int testCount) {
        int[] train = new int[isTest.length - testCount];
        int[] test = new int[testCount];
        int a = 0, b = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) test[b++] = i;
            else train[a++] = i;
        }
        return new Split(train, test);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train " + train.length + ", test " + test.length + "]";
    }
}
