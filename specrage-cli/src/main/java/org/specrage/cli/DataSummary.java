package org.specrage.cli;

import java.util.Locale;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;

/** One line on what was read: rows, views with dims, classes. */
final class DataSummary {
    private DataSummary() {
    }

    static String describe(String name, MultiViewData data) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "data %s: n %d, %d view%s [", name, data.rows(), data.viewCount(), data.viewCount() == 1 ? "" : "s"));
        for (int v = 0; v < data.viewCount(); v++) {
            View view = data.view(v);
            if (v > 0) sb.append(", ");
            sb.append(view.cols()).append(view.isSparse() ? " sparse" : "");
        }
        sb.append("]");
        sb.append(data.hasLabels() ? ", " + data.classCount() + (data.classCount() == 1 ? " class" : " classes") : ", no labels");
        if (data.hasLabels() && data.rows() >= 20 && data.classCount() > data.rows() / 2) {
            // most likely a feature column read as labels, which would also make k about n
            sb.append(" (more classes than half the rows: is the label column right? --label-column N|NAME|none)");
        }
        return sb.toString();
    }
}
