package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.specrage.data.DataException;
import org.specrage.data.io.LabelsReader;
import org.specrage.data.io.LoadOptions;
import org.specrage.metrics.ClusteringMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code specrage evaluate}: scores predicted cluster ids against true labels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score predicted cluster ids against true labels: ACC (Hungarian), NMI (arithmetic), ARI, purity.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted ids: labels.csv as written by cluster/predict, or NPY.")
    Path pred;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "True labels: a labels file (CSV, NPY, IDX) or a data file that holds labels (MAT, CSV with a label column, LibSVM).")
    Path labels;

    @Option(names = "--label-column", paramLabel = "N|last|NAME", description = "CSV: the label column of --labels. Default: last.")
    String labelColumn;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the scores as JSON.")
    Path out;

    @Override
    public Integer call() throws IOException {
        int[] predicted = LabelsReader.read(pred, LoadOptions.defaults());
        LoadOptions truthOptions = labelColumn != null ? LoadOptions.defaults().withLabelColumn(labelColumn) : LoadOptions.defaults();
        int[] truth = LabelsReader.read(labels, truthOptions);
        if (predicted.length != truth.length) {
            throw new DataException(DataException.Kind.LABEL_MISMATCH,
                    pred + " has " + predicted.length + " predictions but " + labels + " has " + truth.length + " labels");
        }
        ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, predicted);
        System.out.printf(Locale.ROOT, "n %d%n%s%n", truth.length, Reports.scores(s));
        if (out != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("n", truth.length);
            Reports.putScores(report, s);
            report.put("pred", pred.toString());
            report.put("labels", labels.toString());
            OutputFiles.writeJson(out, report);
        }
        return ExitCodes.OK;
    }
}
