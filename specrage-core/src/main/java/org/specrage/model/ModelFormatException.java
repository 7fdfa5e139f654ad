package org.specrage.model;

import java.io.IOException;

/** A model directory cannot be read: missing, corrupted or truncated files, or an unsupported format version. */
public class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
