package org.specrage.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.specrage.io.Json;
import org.specrage.methods.common.EpochStats;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingListener;
import org.specrage.util.Progress;

/**
 * Shows a fit on stderr (a bar per stage with epoch, loss, learning rate and samples/s) and writes
 * every event as one JSON object per line to the metrics log, when one is given.
 */
final class TrainingProgress implements TrainingListener, Closeable {
    private final Progress bar;
    private final PrintStream messages;
    private final BufferedWriter log;

    TrainingProgress(Progress bar, PrintStream messages, Path metricsLog) throws IOException {
        this.bar = bar;
        this.messages = messages;
        if (metricsLog != null) {
            Path parent = metricsLog.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.log = Files.newBufferedWriter(metricsLog, StandardCharsets.UTF_8);
        } else {
            this.log = null;
        }
    }

    @Override
    public void stageStarted(String stage, int maxEpochs, long samplesPerEpoch) {
        bar.start(stage, (long) maxEpochs * samplesPerEpoch);
        Map<String, Object> e = event("stage_started", stage);
        e.put("max_epochs", maxEpochs);
        e.put("samples_per_epoch", samplesPerEpoch);
        write(e);
    }

    private long lastSamples;

    @Override
    public void samplesDone(String stage, int epoch, long samplesSoFarInEpoch) {
        long delta = samplesSoFarInEpoch >= lastSamples ? samplesSoFarInEpoch - lastSamples : samplesSoFarInEpoch;
        lastSamples = samplesSoFarInEpoch;
        bar.advance(delta);
    }

    @Override
    public void epochDone(EpochStats s) {
        lastSamples = 0;
        String validation = Double.isNaN(s.validationLoss()) ? "" : String.format(Locale.ROOT, " val %.4g", s.validationLoss());
        bar.status(String.format(Locale.ROOT, "epoch %d/%d loss %.4g%s lr %.1e %.0f samples/s",
                s.epoch() + 1, s.maxEpochs(), s.loss(), validation, s.learningRate(), s.samplesPerSecond()));
        Map<String, Object> e = event("epoch", s.stage());
        e.put("epoch", s.epoch());
        e.put("loss", s.loss());
        e.put("validation_loss", s.validationLoss());
        e.put("learning_rate", s.learningRate());
        e.put("samples", s.samples());
        e.put("seconds", s.seconds());
        e.put("samples_per_second", s.samplesPerSecond());
        write(e);
    }

    @Override
    public void message(String stage, String text) {
        messages.println(stage + ": " + text);
        Map<String, Object> e = event("message", stage);
        e.put("text", text);
        write(e);
    }

    @Override
    public void stageDone(StageSummary s) {
        if (s.epochs() > 0) {
            bar.status(String.format(Locale.ROOT, "%d epochs, %.0f samples/s, loss %.4g (%s)",
                    s.epochs(), s.samplesPerSecond(), s.finalLoss(), s.stopReason()));
        }
        bar.done();
        Map<String, Object> e = event("stage_done", s.stage());
        e.put("epochs", s.epochs());
        e.put("samples", s.samples());
        e.put("seconds", s.seconds());
        e.put("samples_per_second", s.samplesPerSecond());
        e.put("final_loss", s.finalLoss());
        e.put("best_loss", s.bestLoss());
        e.put("recoveries", s.recoveries());
        e.put("stop_reason", s.stopReason());
        write(e);
    }

    private static Map<String, Object> event(String type, String stage) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", type);
        e.put("stage", stage);
        e.put("time_ms", System.currentTimeMillis());
        return e;
    }

    private void write(Map<String, Object> event) {
        if (log == null) return;
        try {
            log.write(Json.write(event, false));
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (log != null) log.close();
    }
}
