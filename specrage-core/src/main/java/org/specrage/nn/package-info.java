/**
 * Networks on the tensor engine: {@link org.specrage.nn.Module} (named parameters),
 * {@link org.specrage.nn.Linear}, {@link org.specrage.nn.Mlp} (builder with sizes, activation,
 * output activation, initialisation, seed), {@link org.specrage.nn.ParameterFile} (versioned
 * little-endian binary format with checksum), {@link org.specrage.nn.ParameterSnapshot},
 * seeded {@link org.specrage.nn.BatchSampler}, and {@link org.specrage.nn.EngineBenchmark}, the
 * routine behind {@code specrage bench engine}.
 */
package org.specrage.nn;
