package org.specrage.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.specrage.data.synthetic.SyntheticData;

/** A split must not reproduce the permutation a generator drew from the same seed. */
class SplitIndependenceTest {
    @Test
    void heldOutRowsOfGeneratedDataHoldBothClasses() {
        for (long seed = 0; seed < 5; seed++) {
            MultiViewData moons = SyntheticData.moons(2000, 0.05, seed);
            Split split = Split.random(2000, 0.2, seed);
            int ones = 0;
            for (int r : split.test()) ones += moons.labels()[r];
            assertTrue(ones > 150 && ones < 250, "seed " + seed + ": " + ones + " of 400 held-out rows in class 1");
        }
    }
}
