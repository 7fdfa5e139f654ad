package org.specrage.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitAndBatchesTest {
    @Test
    void initialisationsHaveTheirStandardDeviations() {
        int fanIn = 400, fanOut = 300;
        for (Init init : Init.values()) {
            float[] w = new float[fanIn * fanOut];
            init.fill(w, fanIn, fanOut, new SplittableRandom(1));
            double sum = 0, sq = 0, maxAbs = 0;
            for (float v : w) {
                sum += v;
                sq += v * v;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            double mean = sum / w.length, std = Math.sqrt(sq / w.length - mean * mean);
            double expected = init.name().startsWith("KAIMING") ? Math.sqrt(2.0 / fanIn) : Math.sqrt(2.0 / (fanIn + fanOut));
            assertEquals(expected, std, 0.01 * expected, init.name());
            assertEquals(0, mean, 0.01 * expected, init.name());
            if (init.name().endsWith("UNIFORM")) {
                assertTrue(maxAbs <= Math.sqrt(3) * expected && maxAbs > 0.99 * Math.sqrt(3) * expected, init.name());
            } else {
                assertTrue(maxAbs > 3.5 * expected, init.name()); // normal tails reach beyond the uniform bound
            }
        }
    }

    @Test
    void batchesCoverEverySampleOncePerEpoch() {
        BatchSampler sampler = new BatchSampler(10, 4, false, 7);
        assertEquals(3, sampler.batches());
        assertEquals(8, sampler.batchStart(2));
        assertEquals(10, sampler.batchEnd(2));
        sampler.shuffle();
        int[] first = sampler.order().clone();
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        sampler.shuffle();
        assertFalse(Arrays.equals(first, sampler.order()));
        assertEquals(2, new BatchSampler(10, 4, true, 7).batches());
    }

    @Test
    void sameSeedSameOrder() {
        BatchSampler a = new BatchSampler(50, 8, true, 3), b = new BatchSampler(50, 8, true, 3);
        for (int epoch = 0; epoch < 3; epoch++) {
            a.shuffle();
            b.shuffle();
            assertArrayEquals(a.order(), b.order());
        }
    }

    @Test
    void activationsParse() {
        assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky-relu"));
        assertEquals(Activation.IDENTITY, Activation.parse("none"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
        assertTrue(e.getMessage().contains("unknown activation 'gelu'"));
    }
}
