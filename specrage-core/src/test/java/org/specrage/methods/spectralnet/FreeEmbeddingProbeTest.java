package org.specrage.methods.spectralnet;

import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.prep.Preprocessing;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.OrthoMethod;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.metrics.Subspaces;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

class FreeEmbeddingProbeTest {
    @Test
    void freeParameters() throws Exception {
        MultiViewData data = SyntheticData.moons(1000, 0.1, 1);
        FMatrix x = Preprocessing.fitTransform(data, data, "minmax").view(0).dense();
        int n = x.rows;
        DMatrix exact = SpectralNetSmokeTest.exact(x, 10, 5, 2, false);
        float[] w = new float[n * n];
        new BatchAffinity(10, 5, BatchScale.LOCAL, 0).compute(x.data, n, 2, w);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        FMatrix init = new FMatrix(n, 2);
        for (int i = 0; i < init.data.length; i++) init.data[i] = (float) r.nextDouble();
        Tensor p = Tensor.parameter(init);
        Adam adam = new Adam(java.util.List.of(p), 1e-2);
        Tape tape = new Tape();
        Orthonormalizer o = new Orthonormalizer(OrthoMethod.CHOLESKY);
        SpectralLoss loss = new SpectralLoss(false);
        for (int step = 0; step <= 3000; step++) {
            tape.reset();
            Tensor yt = tape.watch(p);
            Tensor y = yt.matmul(o.onTape(tape, yt));
            Tensor l = loss.loss(tape, y, w);
            tape.backward(l);
            adam.step();
            adam.zeroGrad();
            if (step % 500 == 0) {
                System.out.println(step + " loss " + l.item() + " sin " + Subspaces.largestAngleSine(p.value().toDouble(), exact));
            }
        }
    }
}
