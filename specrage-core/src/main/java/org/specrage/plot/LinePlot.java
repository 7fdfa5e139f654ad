package org.specrage.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.specrage.io.AtomicFiles;

/**
 * A small line chart written as PNG with the JDK's own imaging (headless, no dependency): one
 * line with markers per series, axes with ticks, a title and a legend. Enough for benchmark plots
 * such as accuracy against contamination fraction.
 */
public final class LinePlot {
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)
    };

    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Double yMin;
    private Double yMax;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot add(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' needs equally long, non-empty x and y");
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Fixes the y range (for example 0 to 1 for accuracies); otherwise it fits the data. */
    public LinePlot yRange(double min, double max) {
        if (!(max > min)) throw new IllegalArgumentException("y range must have max > min");
        yMin = min;
        yMax = max;
        return this;
    }

    public BufferedImage render(int width, int height) {
        if (series.isEmpty()) throw new IllegalStateException("nothing to plot");
        double[] xr = range(true);
        double[] yr = yMin != null ? new double[] {yMin, yMax} : range(false);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 70, right = 20, top = 40, bottom = 55;
        int pw = width - left - right, ph = height - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        // grid and ticks
        for (int i = 0; i <= 5; i++) {
            double xv = xr[0] + (xr[1] - xr[0]) * i / 5;
            double yv = yr[0] + (yr[1] - yr[0]) * i / 5;
            int px = left + (int) Math.round(pw * i / 5.0);
            int py = top + ph - (int) Math.round(ph * i / 5.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, top, px, top + ph);
            g.drawLine(left, py, left + pw, py);
            g.setColor(Color.DARK_GRAY);
            String xs = tick(xv), ys = tick(yv);
            g.drawString(xs, px - fm.stringWidth(xs) / 2, top + ph + 16);
            g.drawString(ys, left - 6 - fm.stringWidth(ys), py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.drawString(xLabel, left + pw / 2 - fm.stringWidth(xLabel) / 2, height - 15);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(top + ph / 2) - fm.stringWidth(yLabel) / 2, 18);
        rotated.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left + pw / 2 - g.getFontMetrics().stringWidth(title) / 2, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // lines, markers, legend
        for (int s = 0; s < series.size(); s++) {
            Series sr = series.get(s);
            g.setColor(PALETTE[s % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < sr.x().length; i++) {
                double px = left + pw * (sr.x()[i] - xr[0]) / (xr[1] - xr[0]);
                double py = top + ph - ph * (sr.y()[i] - yr[0]) / (yr[1] - yr[0]);
                if (i == 0) path.moveTo(px, py);
                else path.lineTo(px, py);
                g.fillOval((int) px - 3, (int) py - 3, 7, 7);
            }
            g.draw(path);
        }
        // legend boxed in the lower left corner (accuracy curves fall to the right), drawn last
        int boxWidth = 40;
        for (Series sr : series) boxWidth = Math.max(boxWidth, 40 + fm.stringWidth(sr.name()));
        int bx = left + 8, by = top + ph - 16 - 16 * series.size();
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(bx, by, boxWidth, 8 + 16 * series.size());
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx, by, boxWidth, 8 + 16 * series.size());
        for (int s = 0; s < series.size(); s++) {
            int ly = by + 18 + 16 * s;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(bx + 6, ly - 4, bx + 28, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), bx + 34, ly);
        }
        g.dispose();
        return image;
    }

    public void savePng(Path file, int width, int height) throws IOException {
        BufferedImage image = render(width, height);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        });
    }

    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : xAxis ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            double c = Double.isFinite(lo) ? lo : 0;
            return new double[] {c - 0.5, c + 0.5};
        }
        double pad = xAxis ? 0 : 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private static String tick(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
