package org.specrage.methods.ssl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@link SslCheck#run} measured: the closed-form checks and the rank experiment. */
public record SslCheckReport(SslCheck.Options options, List<AngleCheck> angles, List<RankCheck> ranks, double seconds) {
    public SslCheckReport {
        angles = List.copyOf(angles);
        ranks = List.copyOf(ranks);
    }

    /** True when every closed-form check is within its tolerance. */
    public boolean passed() {
        for (AngleCheck a : angles) if (!a.passed()) return false;
        return true;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Closed-form checks (sine of the largest principal angle between span(Z) and the prediction)\n");
        for (AngleCheck a : angles) {
            sb.append(String.format(Locale.ROOT, "  %-4s %.2e (tol %.2f)  %s%n", a.passed() ? "ok" : "FAIL", a.largestSine(), a.tolerance(), a.loss()));
            sb.append(String.format(Locale.ROOT, "       on %s%n", a.relation()));
            sb.append(String.format(Locale.ROOT, "       vs %s; k = %d in a %d-dim target, boundary eigenvalues %.4g | %.4g; final loss %.6g, %d steps, %.1f s%n",
                    a.closedForm(), a.dimension(), a.targetDimension(), a.boundaryEigenvalues()[0], a.boundaryEigenvalues()[1],
                    a.finalLoss(), a.steps(), a.seconds()));
        }
        sb.append("Rank under a relation of rank below the embedding dimension (singular values of centred Z / largest)\n");
        for (RankCheck r : ranks) {
            sb.append(String.format(Locale.ROOT, "  %-44s rank %d (effective %d), relation rank %d, k = %d, %.1f s%n",
                    r.loss(), r.rank(), r.effectiveRank(), r.relationRank(), r.dimension(), r.seconds()));
            sb.append("       ");
            for (double s : r.singularValues()) sb.append(String.format(Locale.ROOT, " %.2e", s));
            sb.append('\n');
        }
        if (!ranks.isEmpty()) {
            sb.append("  on ").append(ranks.get(0).relation()).append("; relation rank = rank(G + I) = components, ")
                    .append("so centred Z can carry it in relation rank - 1 directions; effective rank counts values above 0.1\n");
        }
        sb.append(String.format(Locale.ROOT, "%s in %.1f s%n", passed() ? "all checks passed" : "SOME CHECKS FAILED", seconds));
        return sb.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("nodes", options.nodes());
        o.put("rank_nodes", options.rankNodes());
        o.put("step_scale", options.stepScale());
        o.put("seed", options.seed());
        m.put("options", o);
        List<Object> a = new ArrayList<>();
        for (AngleCheck c : angles) a.add(c.toMap());
        m.put("closed_form_checks", a);
        List<Object> r = new ArrayList<>();
        for (RankCheck c : ranks) r.add(c.toMap());
        m.put("rank_checks", r);
        m.put("passed", passed());
        m.put("seconds", seconds);
        return m;
    }
}
