package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.specrage.io.Json;

/**
 * The ssl-check experiments on small relations (100 nodes; the report command runs 500): every
 * loss optimised over a free Z lands on its closed form, linear VICReg on LPP, and the rank
 * experiment separates VICReg from SimCLR and BarlowTwins.
 */
class SslCheckTest {
    private static SslCheckReport report;

    @BeforeAll
    static void run() {
        report = SslCheck.run(SslCheck.Options.defaults().withNodes(100).withRankNodes(100));
    }

    @Test
    void everyClosedFormCheckIsWithinTolerance() {
        assertEquals(6, report.angles().size());
        for (AngleCheck a : report.angles()) {
            assertTrue(a.largestSine() <= SslExperiments.TOLERANCE, a.loss() + " on " + a.relation() + ": sine " + a.largestSine());
            // the predicted subspace is well separated from the rest of the spectrum
            assertTrue(Math.abs(a.boundaryEigenvalues()[1] - a.boundaryEigenvalues()[0]) > 0.05, a.loss() + " target gap");
        }
        assertTrue(report.passed());
    }

    @Test
    void simclrAndBarlowCollapseToTheRelationRankWhileVicregStaysFullRank() {
        List<RankCheck> ranks = report.ranks();
        RankCheck simclr = ranks.get(0), barlow = ranks.get(1), vicreg = ranks.get(2);
        assertEquals(4, simclr.relationRank());
        // centred Z can use relationRank - 1 = 3 directions
        assertEquals(3, simclr.effectiveRank());
        assertEquals(3, barlow.effectiveRank());
        assertTrue(simclr.singularValues()[3] < 0.01, "SimCLR's 4th singular value " + simclr.singularValues()[3]);
        assertEquals(8, vicreg.rank());
        assertEquals(8, vicreg.effectiveRank());
        assertTrue(vicreg.singularValues()[7] > 0.9, "VICReg with a small invariance weight keeps every direction");
    }

    @Test
    void optionsRejectSizesTheChecksCannotUse() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SslCheck.Options.defaults().withNodes(505));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SslCheck.Options.defaults().withNodes(SslCheck.MAX_NODES + 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SslCheck.Options.defaults().withRankNodes(30));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SslCheck.Options.defaults().withStepScale(0));
    }

    @Test
    void reportRendersAsTextAndJson() {
        String text = report.toText();
        assertTrue(text.contains("all checks passed"), text);
        assertTrue(text.contains("locality preserving projections"), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(Json.write(report.toMap()));
        assertEquals(Boolean.TRUE, parsed.get("passed"));
        assertEquals(6, ((List<?>) parsed.get("closed_form_checks")).size());
        assertEquals(5, ((List<?>) parsed.get("rank_checks")).size());
    }
}
