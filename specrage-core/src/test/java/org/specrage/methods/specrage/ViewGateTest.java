package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptedData;
import org.specrage.data.corrupt.Corruption;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

class ViewGateTest {
    @Test
    void aRowIsDistrustedWhenItsNearestCentroidIsMarked() {
        // view 0: centroids (0, 0) marked and (10, 0) not; view 1 has no gate
        FMatrix c = new FMatrix(2, 2, new float[] {0, 0, 10, 0});
        ViewGate gate = new ViewGate(new FMatrix[] {c, null}, new boolean[][] {{true, false}, null}, new boolean[] {false, false});
        FMatrix rows = new FMatrix(3, 2, new float[] {1, 1, 9, -1, 4.9f, 0});
        boolean[][] d = gate.distrusted(new ViewInput[] {ViewInput.dense(rows), ViewInput.dense(new FMatrix(3, 1))});
        assertArrayEquals(new boolean[] {true, false, true}, d[0]);
        assertNull(d[1]);
    }

    @Test
    void rowsMissingInAViewAreMarkedAndGated() {
        // class 0's centre in view 1 is the origin, so the empty rows sit inside a supported cluster: only
        // the empty-row rule marks them
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        int n = 450, d = 5;
        FMatrix v0 = new FMatrix(n, d), v1 = new FMatrix(n, d);
        boolean[] empty = new boolean[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            empty[i] = r.nextDouble() < 0.15;
            for (int t = 0; t < d; t++) {
                v0.data[i * d + t] = (float) (10 * c + r.nextDouble(-1, 1));
                v1.data[i * d + t] = empty[i] ? 0f : (float) (6 * c + r.nextDouble(-1, 1));
            }
        }
        int[] train = java.util.stream.IntStream.range(0, 300).toArray(), test = java.util.stream.IntStream.range(300, n).toArray();
        ViewConsistency.Result result = ViewConsistency.check(new ViewInput[] {ViewInput.dense(v0.selectRows(train)), ViewInput.dense(v1.selectRows(train))},
                new boolean[2], 3, 1);
        assertNotNull(result);
        for (int i : train) assertEquals(empty[i], result.marked()[1][i], "training row " + i + (empty[i] ? " is empty but not marked" : " is marked"));
        boolean[] gated = result.gate().distrusted(new ViewInput[] {ViewInput.dense(v0.selectRows(test)), ViewInput.dense(v1.selectRows(test))})[1];
        for (int i = 0; i < test.length; i++) assertEquals(empty[test[i]], gated[i], "new row " + test[i]);
    }

    @Test
    void featuresFarFromTheOriginKeepTheirDistances() {
        // centroids 3 apart around 3000 in 100 columns; rows on the clean centroid: |c|^2 - 2 x.c in float would lose the difference
        int d = 100;
        FMatrix c = new FMatrix(2, d);
        for (int t = 0; t < d; t++) {
            c.data[t] = 3000 + t;
            c.data[d + t] = 3000 + t + (t < 9 ? 1 : 0);
        }
        FMatrix rows = new FMatrix(50, d);
        for (int i = 0; i < 50; i++) System.arraycopy(c.data, d, rows.data, i * d, d);
        ViewGate gate = new ViewGate(new FMatrix[] {c}, new boolean[][] {{true, false}}, new boolean[] {false});
        for (boolean b : gate.distrusted(new ViewInput[] {ViewInput.dense(rows)})[0]) assertFalse(b, "a row on the clean centroid is distrusted");
    }

    @Test
    void cosineViewsAreJudgedOnUnitRows() {
        // centroids (3, 0) (marked) and (0, 1): the row (2.5, 2.6) is nearer the first, its direction nearer the second
        FMatrix c = new FMatrix(2, 2, new float[] {3, 0, 0, 1});
        FMatrix row = new FMatrix(1, 2, new float[] {2.5f, 2.6f});
        boolean[] marks = {true, false};
        assertTrue(new ViewGate(new FMatrix[] {c}, new boolean[][] {marks}, new boolean[] {false}).distrusted(new ViewInput[] {ViewInput.dense(row)})[0][0]);
        assertFalse(new ViewGate(new FMatrix[] {c}, new boolean[][] {marks}, new boolean[] {true}).distrusted(new ViewInput[] {ViewInput.dense(row)})[0][0]);
    }

    @Test
    void theCheckGateMarksNewContaminatedRowsAsItMarkedTheTrainingRows() {
        MultiViewData clean = SyntheticData.multiViewBlobs(800, 3, 2, 20, 6);
        CorruptedData corrupted = Corruption.apply(clean, 1, 0.3, CorruptionKind.OUTLIER, 0, 7);
        int[] train = java.util.stream.IntStream.range(0, 560).toArray(), test = java.util.stream.IntStream.range(560, 800).toArray();
        ViewConsistency.Result result = ViewConsistency.check(ViewInput.all(corrupted.data().selectRows(train)), new boolean[2], 3, 1);
        assertNotNull(result);
        assertNull(result.gate().centroids(0), "the clean view has no gate");
        boolean[] gated = result.gate().distrusted(ViewInput.all(corrupted.data().selectRows(test)))[1];
        boolean[] hit = corrupted.hitMask();
        int hits = 0, found = 0, wrong = 0;
        for (int i = 0; i < test.length; i++) {
            if (hit[test[i]]) hits++;
            if (gated[i] && hit[test[i]]) found++;
            if (gated[i] && !hit[test[i]]) wrong++;
        }
        assertTrue(found >= 0.9 * hits, "gated " + found + " of " + hits + " contaminated rows");
        assertTrue(wrong <= 0.02 * (test.length - hits), "gated " + wrong + " clean rows");
    }

    @Test
    void distrustedRowsAreEmbeddedFromTheirTrustedViews() {
        SpecRageNetwork net = SpecRageNetwork.create(new int[] {3, 2}, new NetworkSpec(new int[] {5}, Activation.LEAKY_RELU, Activation.TANH), 2,
                FusionMode.LEARNED, 4, 1, new long[] {1, 2, 3});
        FMatrix x0 = new FMatrix(4, 3, new float[] {1, 2, 3, -1, 0, 2, 0.5f, 0.5f, 0.5f, 2, -2, 1});
        FMatrix x1 = new FMatrix(4, 2, new float[] {1, 0, 0, 1, -1, 2, 3, 3});
        ViewInput[] x = {ViewInput.dense(x0), ViewInput.dense(x1)};
        // view 1 is gated: rows 1 and 3 sit at its marked centroid (0, 1) or nearer it than (3, 3)
        ViewGate gate = new ViewGate(new FMatrix[] {null, new FMatrix(2, 2, new float[] {0, 1, 3, 3})},
                new boolean[][] {null, {true, false}}, new boolean[] {false, false});
        boolean[] distrusted = gate.distrusted(x)[1];
        assertArrayEquals(new boolean[] {true, true, true, false}, distrusted);
        FusedForward.Result plain = FusedForward.apply(net, x);
        Tape tape = new Tape();
        SpecRageNetwork.Output out = net.forward(tape, new Tensor[] {tape.input(x0), tape.input(x1)});
        FMatrix g0 = out.views()[0].value();

        // without heads: the network's fusion renormalised over the trusted view, i.e. view 0's network alone
        FusedForward.Result noHeads = FusedForward.apply(net, x, gate, null);
        // with a head for view 0: its map
        Mlp head = Mlp.builder(3, 2).outputActivation(Activation.IDENTITY).seed(5).build();
        FusedForward.Result withHead = FusedForward.apply(net, x, gate, new Mlp[] {head, null});
        FMatrix h = org.specrage.methods.common.Inference.apply(head, x0);
        for (int r = 0; r < 4; r++) {
            if (!distrusted[r]) {
                for (int c = 0; c < 2; c++) assertEquals(plain.fused().get(r, c), withHead.fused().get(r, c), "a trusted row keeps its output");
                assertEquals(plain.weights().get(r, 1), noHeads.weights().get(r, 1));
                continue;
            }
            assertEquals(1f, noHeads.weights().get(r, 0));
            assertEquals(0f, noHeads.weights().get(r, 1));
            assertEquals(0f, withHead.weights().get(r, 1));
            for (int c = 0; c < 2; c++) {
                assertEquals(g0.get(r, c), noHeads.fused().get(r, c), 1e-6);
                assertEquals(h.get(r, c), withHead.fused().get(r, c), 1e-6);
            }
        }
    }

    @Test
    void aContaminatedViewGetsNoWeightOnNewContaminatedRowsAndTheGateIsSaved(@TempDir Path dir) throws Exception {
        MultiViewData clean = SyntheticData.multiViewBlobs(800, 3, 2, 20, 11);
        CorruptedData corrupted = Corruption.apply(clean, 1, 0.3, CorruptionKind.OUTLIER, 0, 12);
        MultiViewData train = corrupted.data().selectRows(java.util.stream.IntStream.range(0, 600).toArray());
        MultiViewData test = corrupted.data().selectRows(java.util.stream.IntStream.range(600, 800).toArray());
        SpecRageModel model = SpecRage.fit(train, SpecRageTest.small(3).epochs(10).consistencyPenalty(0.003).build());
        boolean[][] distrusted = model.distrustedViews(test);
        assertNotNull(distrusted);
        FMatrix w = model.viewWeights(test);
        boolean[] hit = corrupted.hitMask();
        int hits = 0, zeroed = 0;
        for (int i = 0; i < 200; i++) {
            if (distrusted[1][i]) assertEquals(0f, w.get(i, 1), "a distrusted view's weight");
            if (!hit[600 + i]) continue;
            hits++;
            if (w.get(i, 1) == 0f) zeroed++;
        }
        assertTrue(zeroed >= 0.9 * hits, zeroed + " of " + hits + " contaminated rows put no weight on the contaminated view");

        model.save(dir);
        SpecRageModel loaded = SpecRageModel.load(dir);
        assertArrayEquals(model.transform(test).data, loaded.transform(test).data);
        assertArrayEquals(distrusted[1], loaded.distrustedViews(test)[1]);
        assertArrayEquals(model.predict(test), loaded.predict(test));

        // a damaged gate fails to load with a message, not later
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replaceFirst("\"view_gate\"", "\"view_gate_renamed\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpecRageModel.load(dir));
        assertTrue(e.getMessage().contains("view gate"), e.getMessage());
        Files.writeString(manifest, text.replaceFirst("\"marked\"\\s*:\\s*\\[\\s*1", "\"marked\": [2"));
        e = assertThrows(ModelFormatException.class, () -> SpecRageModel.load(dir));
        assertTrue(e.getMessage().contains("0 or 1"), e.getMessage());
        Files.writeString(manifest, text.replaceFirst("\"unit_rows\"\\s*:\\s*false", "\"unit_rows\": true"));
        e = assertThrows(ModelFormatException.class, () -> SpecRageModel.load(dir));
        assertTrue(e.getMessage().contains("metric is euclidean"), e.getMessage());
    }
}
