package org.specrage.methods.ssl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rank of an optimised Z under a relation whose rank is below the embedding dimension.
 *
 * @param loss           loss name and weights
 * @param relation       the relation G
 * @param nodes          rows of G
 * @param dimension      columns k of Z
 * @param relationRank   connected components of G (the multiplicity of eigenvalue 1 of D^-1 G; for a
 *                       relation made of cliques, such as views of samples, the rank of G + I: each
 *                       sample related to itself). Centred, Z can carry it in relationRank - 1 directions
 * @param singularValues singular values of the centred Z, descending, divided by the largest
 * @param rank           singular values above 1e-3 of the largest
 * @param effectiveRank  singular values above 0.1 of the largest
 * @param seconds        wall time of the optimisation
 */
public record RankCheck(String loss, String relation, int nodes, int dimension, int relationRank, double[] singularValues,
                        int rank, int effectiveRank, double seconds) {
    public static final double RANK_THRESHOLD = 1e-3;
    public static final double EFFECTIVE_RANK_THRESHOLD = 0.1;

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("relation", relation);
        m.put("nodes", nodes);
        m.put("dimension", dimension);
        m.put("relation_rank", relationRank);
        m.put("relative_singular_values", singularValues.clone());
        m.put("rank", rank);
        m.put("effective_rank", effectiveRank);
        m.put("seconds", seconds);
        return m;
    }
}
