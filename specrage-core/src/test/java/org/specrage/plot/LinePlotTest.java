package org.specrage.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    @TempDir
    Path tmp;

    @Test
    void writesAPngWithTheSeriesColours() throws Exception {
        Path file = tmp.resolve("p.png");
        new LinePlot("ACC against contamination", "fraction", "ACC")
                .add("a", new double[] {0, 0.1, 0.3, 0.5}, new double[] {0.95, 0.94, 0.9, 0.8})
                .add("b", new double[] {0, 0.1, 0.3, 0.5}, new double[] {0.95, 0.9, 0.7, 0.5})
                .yRange(0, 1)
                .savePng(file, 640, 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        int blue = 0, orange = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0x1F77B4) blue++;
                if (rgb == 0xFF7F0E) orange++;
            }
        }
        assertTrue(blue > 50 && orange > 50, "blue " + blue + ", orange " + orange);
    }

    @Test
    void rejectsMismatchedSeries() {
        assertThrows(IllegalArgumentException.class, () -> new LinePlot("t", "x", "y").add("a", new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalStateException.class, () -> new LinePlot("t", "x", "y").render(100, 100));
    }
}
