/**
 * Optimisers ({@link org.specrage.optim.Adam}, {@link org.specrage.optim.Sgd} with momentum; both
 * with weight decay), {@link org.specrage.optim.ReduceLrOnPlateau}, {@link org.specrage.optim.EarlyStopping}
 * and {@link org.specrage.optim.GradientClipping}. Updates are single fused loops per parameter array.
 */
package org.specrage.optim;
