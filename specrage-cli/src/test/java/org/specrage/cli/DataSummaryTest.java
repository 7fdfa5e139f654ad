package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;

class DataSummaryTest {
    private static MultiViewData withLabels(int rows, int classes) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = i % classes;
        return new MultiViewData(List.of(View.dense(new FMatrix(rows, 2))), labels, "d");
    }

    @Test
    void describesRowsViewsAndClasses() {
        assertEquals("data f: n 40, 1 view [2], 4 classes", DataSummary.describe("f", withLabels(40, 4)));
        assertEquals("data f: n 40, 1 view [2], 1 class", DataSummary.describe("f", withLabels(40, 1)));
    }

    @Test
    void nearlyUniqueLabelsAskAboutTheLabelColumn() {
        String text = DataSummary.describe("f", withLabels(40, 40)); // a feature column read as labels
        assertTrue(text.contains("40 classes (more classes than half the rows: is the label column right?"), text);
    }
}
