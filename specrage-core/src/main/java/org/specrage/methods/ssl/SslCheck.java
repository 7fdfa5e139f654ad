package org.specrage.methods.ssl;

import java.util.ArrayList;
import java.util.List;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

/**
 * The routine behind {@code specrage ssl-check}: every closed-form check and the rank experiment,
 * on relations of a chosen size. Deterministic for a seed.
 *
 * <p>Relations: a kNN graph (10 neighbours, unweighted) of 5 Gaussian blobs in 2-D (connected, with
 * a clear gap after the 4th non-trivial eigenvalue) for VICReg and SpectralNet; a views relation of
 * 10 samples with nodes/10 views each for SimCLR, BarlowTwins and VICReg; a kNN graph of 5 blobs in
 * 10-D for the linear VICReg / LPP check; and a views relation of 4 samples (relation rank 4) with
 * an 8-dimensional embedding for the rank experiment.
 */
public final class SslCheck {
    /**
     * Largest relation: the checks take exact dense eigenpairs (the views relations' spectra are
     * highly degenerate) and SimCLR forms the N x N similarities of its full batch.
     */
    public static final int MAX_NODES = org.specrage.eigen.Eigensolvers.DENSE_MAX_SIZE;

    private SslCheck() {
    }

    /**
     * @param nodes     rows of the relations of the closed-form checks (the must-show size is 500)
     * @param rankNodes rows of the rank experiment's relation (a multiple of 4)
     * @param stepScale multiplies every optimisation's step count
     * @param seed      drives data, initial Z and eigensolver start vectors
     */
    public record Options(int nodes, int rankNodes, double stepScale, long seed) {
        public Options {
            if (nodes < 50 || nodes > MAX_NODES || nodes % 10 != 0) {
                throw new IllegalArgumentException("nodes must be a multiple of 10 in 50.." + MAX_NODES + ", got " + nodes);
            }
            if (rankNodes < 16 || rankNodes > MAX_NODES || rankNodes % 4 != 0) {
                throw new IllegalArgumentException("rank nodes must be a multiple of 4 in 16.." + MAX_NODES + ", got " + rankNodes);
            }
            if (!(stepScale > 0) || Double.isInfinite(stepScale)) throw new IllegalArgumentException("step scale must be positive, got " + stepScale);
        }

        /** 500-node relations, 200-node rank experiment, seed 1. */
        public static Options defaults() {
            return new Options(500, 200, 1.0, 1);
        }

        public Options withNodes(int value) {
            return new Options(value, rankNodes, stepScale, seed);
        }

        public Options withRankNodes(int value) {
            return new Options(nodes, value, stepScale, seed);
        }

        public Options withStepScale(double value) {
            return new Options(nodes, rankNodes, value, seed);
        }

        public Options withSeed(long value) {
            return new Options(nodes, rankNodes, stepScale, value);
        }

        FreeEmbedding.Options steps(int count, double learningRate) {
            return new FreeEmbedding.Options(Math.max(1, (int) Math.round(count * stepScale)), learningRate, learningRate / 100, seed);
        }
    }

    public static SslCheckReport run(Options o) {
        return run(o, Progress.NONE);
    }

    public static SslCheckReport run(Options o, Progress progress) {
        long start = System.nanoTime();
        List<AngleCheck> angles = new ArrayList<>();
        List<RankCheck> ranks = new ArrayList<>();
        progress.start("ssl-check", 11);

        FMatrix blobs = SslExperiments.blobData(o.nodes(), 2, 4.0, o.seed());
        CsrMatrix knn = SslExperiments.knnGraph(blobs, 10);
        String knnName = "kNN graph (10 neighbours) of 5 blobs in 2-D, " + o.nodes() + " nodes";
        angles.add(SslExperiments.vicregVersusLaplacianEigenmaps(knn, knnName, 4, new VicRegLoss(10, 10, 1), o.steps(5000, 0.1)));
        progress.advance(1);
        angles.add(SslExperiments.spectralNetVersusEigenvectors(knn, knnName, 5, new SpectralNetLoss(true), o.steps(6000, 0.3)));
        progress.advance(1);

        int samples = 10;
        int views = o.nodes() / samples;
        CsrMatrix viewRelation = Relations.views(samples, views);
        String viewName = "views relation, " + samples + " samples x " + views + " views";
        angles.add(SslExperiments.versusTopEigenspace(viewRelation, viewName, samples - 1, new InfoNceLoss(0.5),
                SslExperiments.Reading.ROW_NORMALIZED, samples, o.steps(1000, 0.1)));
        progress.advance(1);
        angles.add(SslExperiments.versusTopEigenspace(viewRelation, viewName, samples - 1, new BarlowTwinsLoss(BarlowTwinsLoss.DEFAULT_LAMBDA),
                SslExperiments.Reading.DEGREE_CENTERED, samples, o.steps(5000, 0.3)));
        progress.advance(1);
        angles.add(SslExperiments.versusTopEigenspace(viewRelation, viewName, samples - 1, new VicRegLoss(10, 10, 1),
                SslExperiments.Reading.CENTERED, samples, o.steps(2000, 0.1)));
        progress.advance(1);

        FMatrix blobs10 = SslExperiments.blobData(o.nodes(), 10, 6.0, o.seed() + 1);
        CsrMatrix knn10 = SslExperiments.knnGraph(blobs10, 10);
        angles.add(SslExperiments.linearVicregVersusLpp(blobs10, knn10, "kNN graph (10 neighbours) of 5 blobs in 10-D, " + o.nodes() + " nodes",
                4, new VicRegLoss(25, 25, 1), o.steps(2000, 0.1)));
        progress.advance(1);

        int rankSamples = 4;
        int rankViews = o.rankNodes() / rankSamples;
        CsrMatrix misspecified = Relations.views(rankSamples, rankViews);
        String rankName = "views relation, " + rankSamples + " samples x " + rankViews + " views";
        int k = 8;
        ranks.add(SslExperiments.rank(misspecified, rankName, k, new InfoNceLoss(0.5), SslExperiments.Reading.ROW_NORMALIZED, o.steps(1000, 0.1)));
        progress.advance(1);
        ranks.add(SslExperiments.rank(misspecified, rankName, k, new BarlowTwinsLoss(BarlowTwinsLoss.DEFAULT_LAMBDA),
                SslExperiments.Reading.DEGREE_CENTERED, o.steps(3000, 0.3)));
        progress.advance(1);
        ranks.add(SslExperiments.rank(misspecified, rankName, k, new VicRegLoss(25, 25, 0.01), SslExperiments.Reading.CENTERED, o.steps(3000, 0.1)));
        progress.advance(1);
        ranks.add(SslExperiments.rank(misspecified, rankName, k, new VicRegLoss(25, 25, 0.1), SslExperiments.Reading.CENTERED, o.steps(3000, 0.1)));
        progress.advance(1);
        ranks.add(SslExperiments.rank(misspecified, rankName, k, new VicRegLoss(25, 25, 1), SslExperiments.Reading.CENTERED, o.steps(3000, 0.1)));
        progress.advance(1);
        progress.done();
        return new SslCheckReport(o, angles, ranks, (System.nanoTime() - start) / 1e9);
    }
}
