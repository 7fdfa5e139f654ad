package org.specrage.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams from one user seed. Two parts of a run that both start a generator
 * from the bare seed draw the same numbers: a data generator and a train/test split doing the same
 * permutation would then put whole classes on one side. Each purpose gets its own stream instead.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A generator for one purpose ("split", "corrupt", ...), independent of other purposes' streams. */
    public static SplittableRandom stream(long seed, String purpose) {
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) h = (h ^ b) * 0x100000001b3L;
        return new SplittableRandom(mix(seed ^ mix(h)));
    }

    /** The SplitMix64 finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
