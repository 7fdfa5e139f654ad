package org.specrage.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SplitTest {
    /** Train and test are disjoint, sorted, and together cover 0..n-1. */
    private static void assertPartition(Split s, int n) {
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all);
        assertArrayEquals(Arrays.stream(s.train()).sorted().toArray(), s.train());
        assertArrayEquals(Arrays.stream(s.test()).sorted().toArray(), s.test());
    }

    @Test
    void randomSplitSizesAndDeterminism() {
        Split s = Split.random(1000, 0.2, 5);
        assertPartition(s, 1000);
        assertEquals(200, s.test().length);
        assertEquals(s, Split.random(1000, 0.2, 5));
        assertNotEquals(s, Split.random(1000, 0.2, 6));
        assertEquals(1, Split.random(3, 0.01, 1).test().length); // at least one of each
        assertEquals(2, Split.random(3, 0.99, 1).test().length);
    }

    @Test
    void stratifiedKeepsClassProportions() {
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) labels[i] = i < 100 ? 0 : i < 400 ? 1 : 2; // 100, 300, 600
        Split s = Split.stratified(labels, 0.25, 9);
        assertPartition(s, 1000);
        int[] perClass = new int[3];
        for (int i : s.test()) perClass[labels[i]]++;
        assertArrayEquals(new int[]{25, 75, 150}, perClass);
        assertEquals(s, Split.stratified(labels, 0.25, 9));
        assertNotEquals(s, Split.stratified(labels, 0.25, 10));
    }

    @Test
    void predefinedSplit() {
        Split s = Split.predefined(5, 3);
        assertArrayEquals(new int[]{0, 1, 2}, s.train());
        assertArrayEquals(new int[]{3, 4}, s.test());
    }

    @Test
    void invalidFractionsAndSizes() {
        for (double f : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            DataException e = assertThrows(DataException.class, () -> Split.random(10, f, 1));
            assertEquals(DataException.Kind.INVALID_ARGUMENT, e.kind());
        }
        assertThrows(DataException.class, () -> Split.stratified(new int[]{0, 1}, 1.0, 1));
        assertThrows(DataException.class, () -> Split.stratified(new int[]{0, 1}, 0.1, 1)); // rounds to an empty test set
        assertThrows(DataException.class, () -> Split.predefined(5, 5));
        assertThrows(DataException.class, () -> Split.random(1, 0.5, 1));
    }
}
