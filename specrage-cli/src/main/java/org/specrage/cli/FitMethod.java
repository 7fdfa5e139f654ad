package org.specrage.cli;

import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.NeuralOptions;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.specnet2.SpecNet2;
import org.specrage.methods.specrage.SpecRage;
import org.specrage.methods.ssl.SslMethod;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specnet2.SpecNet2Options;
import org.specrage.methods.spectralnet.SpectralNet;
import org.specrage.methods.spectralnet.SpectralNetOptions;

/** The trainable methods of {@code specrage fit}: each turns a JSON option object into a fitted model. */
enum FitMethod {
    spectralnet {
        @Override
        NeuralOptions options(Map<String, Object> options, int k) {
            return SpectralNetOptions.fromJson(options, k);
        }

        @Override
        EmbeddingModel fit(MultiViewData train, NeuralOptions options, TrainingListener listener) {
            return SpectralNet.fit(train, (SpectralNetOptions) options, listener);
        }
    },
    specnet2 {
        @Override
        NeuralOptions options(Map<String, Object> options, int k) {
            return SpecNet2Options.fromJson(options, k);
        }

        @Override
        EmbeddingModel fit(MultiViewData train, NeuralOptions options, TrainingListener listener) {
            return SpecNet2.fit(train, (SpecNet2Options) options, listener);
        }
    },
    specrage {
        @Override
        NeuralOptions options(Map<String, Object> options, int k) {
            return SpecRageOptions.fromJson(options, k);
        }

        @Override
        EmbeddingModel fit(MultiViewData train, NeuralOptions options, TrainingListener listener) {
            return SpecRage.fit(train, (SpecRageOptions) options, listener);
        }
    },
    vicreg(SslMethod.VICREG), simclr(SslMethod.SIMCLR), barlow(SslMethod.BARLOW_TWINS);

    /** The self-supervised method, for the encoders trained on augmented images; null for the spectral models. */
    final SslMethod ssl;

    FitMethod() {
        this(null);
    }

    FitMethod(SslMethod ssl) {
        this.ssl = ssl;
    }

    /** The options the JSON object holds, as fit reads them (their k-means restarts, say, before the fit). */
    NeuralOptions options(Map<String, Object> options, int k) {
        throw new IllegalStateException(name() + " trains an encoder, not an embedding model");
    }

    /** Trains on the options {@link #options} read for this method. */
    EmbeddingModel fit(MultiViewData train, NeuralOptions options, TrainingListener listener) {
        throw new IllegalStateException(name() + " trains an encoder, not an embedding model");
    }
}
