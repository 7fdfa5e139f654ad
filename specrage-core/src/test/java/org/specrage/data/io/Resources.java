package org.specrage.data.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test resources of this package (small files written by NumPy). */
final class Resources {
    private Resources() {
    }

    static Path path(String name) {
        URL url = Resources.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing test resource " + name);
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
