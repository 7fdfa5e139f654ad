/**
 * Experiment routines for SpecRaGE that return rows of numbers (the CLI and the bench mains print or
 * plot them): {@link org.specrage.methods.specrage.experiments.HeldOutEvaluation} (seeded 80/20 split,
 * k-means on the held-out embedding, ACC/NMI/ARI, repeated over seeds, {@link
 * org.specrage.methods.specrage.experiments.Summary} for mean and spread),
 * {@link org.specrage.methods.specrage.experiments.RobustnessSweep} (held-out scores against the
 * contaminated fraction of one view for SpecRaGE, its uniform-fusion ablation and exact mean-Laplacian
 * clustering, with the fusion weights of corrupted and clean rows; CSV and PNG), and
 * {@link org.specrage.methods.specrage.experiments.ScaleExperiment} (training time and peak memory against n).
 */
package org.specrage.methods.specrage.experiments;
