package org.specrage.graph;

import org.specrage.linalg.CsrMatrix;

/** Connected components of the graph of a symmetric sparse matrix's non-zero pattern. */
public record ConnectedComponents(int count, int[] componentOf, int[] sizes) {

    public static ConnectedComponents of(CsrMatrix w) {
        int n = w.rows;
        int[] component = new int[n];
        java.util.Arrays.fill(component, -1);
        int[] stack = new int[n];
        int count = 0;
        int[] sizes = new int[n];
        for (int start = 0; start < n; start++) {
            if (component[start] >= 0) continue;
            int top = 0;
            stack[top++] = start;
            component[start] = count;
            while (top > 0) {
                int v = stack[--top];
                sizes[count]++;
                for (int p = w.rowStart[v]; p < w.rowStart[v + 1]; p++) {
                    int u = w.colIndex[p];
                    if (component[u] < 0) {
                        component[u] = count;
                        stack[top++] = u;
                    }
                }
            }
            count++;
        }
        return new ConnectedComponents(count, component, java.util.Arrays.copyOf(sizes, count));
    }

    public boolean isConnected() {
        return count == 1;
    }

    /** Components of a single node: with a kNN graph, points whose every weight is zero. */
    public int singletonCount() {
        int count = 0;
        for (int s : sizes) if (s == 1) count++;
        return count;
    }

    public int largestSize() {
        int best = 0;
        for (int s : sizes) best = Math.max(best, s);
        return best;
    }
}
