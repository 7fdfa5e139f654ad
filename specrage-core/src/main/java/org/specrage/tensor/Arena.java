package org.specrage.tensor;

import java.util.ArrayList;

/**
 * A pool of float and double arrays keyed by exact length. Arrays handed out since the last
 * {@link #reset()} are in use; reset makes them all available again. A training step that
 * asks for the same sizes as the previous step therefore allocates nothing.
 * Arrays are returned with stale contents: callers must overwrite or clear them.
 *
 * <p>Lengths that stop being asked for are released: a bucket unused for {@link #IDLE_RESETS}
 * resets drops its arrays. Without that, passes whose row count varies from call to call (the
 * neighbours of a batch, in SpecNet2) would keep one set of buffers per row count ever seen, and
 * the pool would grow until the heap ran out.
 */
final class Arena {
    /** Resets a bucket may go unused before its arrays are released. */
    static final int IDLE_RESETS = 8;

    /** Arrays of one length: {@code arrays[0..used)} are handed out. */
    private static final class Bucket {
        final ArrayList<Object> arrays = new ArrayList<>();
        final long bytesEach;
        int used;
        int idleResets;

        Bucket(long bytesEach) {
            this.bytesEach = bytesEach;
        }
    }

    // Open-addressing map from length to bucket (no boxing on lookup). Keys are length + 1 so 0 means empty;
    // float and double buckets live in separate maps.
    private final IntMap floats = new IntMap(Float.BYTES);
    private final IntMap doubles = new IntMap(Double.BYTES);
    private long bytes;

    float[] floats(int length) {
        Bucket b = floats.bucket(length);
        if (b.used < b.arrays.size()) return (float[]) b.arrays.get(b.used++);
        float[] a = new float[length];
        bytes += 4L * length;
        b.arrays.add(a);
        b.used++;
        return a;
    }

    double[] doubles(int length) {
        Bucket b = doubles.bucket(length);
        if (b.used < b.arrays.size()) return (double[]) b.arrays.get(b.used++);
        double[] a = new double[length];
        bytes += 8L * length;
        b.arrays.add(a);
        b.used++;
        return a;
    }

    void reset() {
        bytes -= floats.resetAll() + doubles.resetAll();
    }

    /** Bytes held by the pool (in use or free). */
    long bytes() {
        return bytes;
    }

    private static final class IntMap {
        final int elementBytes;
        int[] keys = new int[64];
        Bucket[] values = new Bucket[64];
        int size;

        IntMap(int elementBytes) {
            this.elementBytes = elementBytes;
        }

        Bucket bucket(int length) {
            int key = length + 1;
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) return values[i];
                i = (i + 1) & mask;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                return bucket(length);
            }
            keys[i] = key;
            Bucket b = new Bucket((long) elementBytes * length);
            values[i] = b;
            size++;
            return b;
        }

        /** Makes every array available again and releases idle buckets' arrays; returns the bytes released. */
        long resetAll() {
            long released = 0;
            for (Bucket b : values) {
                if (b == null) continue;
                if (b.used > 0) {
                    b.idleResets = 0;
                } else if (++b.idleResets > IDLE_RESETS && !b.arrays.isEmpty()) {
                    released += b.bytesEach * b.arrays.size();
                    b.arrays.clear();
                }
                b.used = 0;
            }
            return released;
        }

        private void grow() {
            int[] oldKeys = keys;
            Bucket[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new Bucket[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] == 0) continue;
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }

        private static int mix(int x) {
            x *= 0x9E3779B9;
            return x ^ (x >>> 16);
        }
    }
}
