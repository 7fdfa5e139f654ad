package org.specrage.io;

/** Malformed JSON text; the message names the line, column and offset of the problem. */
public final class JsonException extends IllegalArgumentException {
    private final int offset;

    public JsonException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Character offset of the problem in the parsed text. */
    public int offset() {
        return offset;
    }
}
