package org.specrage.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for RFC 8259 JSON; errors name the line and column. */
final class JsonParser {
    private static final int MAX_DEPTH = 1000;
    private final String text;
    private int pos;

    JsonParser(String text) {
        this.text = text;
    }

    Object parseDocument() {
        skipWhitespace();
        Object value = parseValue(0);
        skipWhitespace();
        if (pos < text.length()) throw error("unexpected " + describe(pos) + " after the JSON value");
        return value;
    }

    private Object parseValue(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject(depth);
            case '[' -> parseArray(depth);
            case '"' -> parseString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield parseNumber();
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private Map<String, Object> parseObject(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // '{'
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a string key but found " + describe(pos));
            int keyStart = pos;
            String key = parseString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = parseValue(depth + 1);
            if (map.containsKey(key)) throw error("duplicate key \"" + key + "\"", keyStart);
            map.put(key, value);
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return map;
            } else {
                throw error("expected ',' or '}' but found " + describe(pos));
            }
        }
    }

    private List<Object> parseArray(int depth) {
        List<Object> list = new ArrayList<>();
        pos++; // '['
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(parseValue(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']' but found " + describe(pos));
            }
        }
    }

    private String parseString() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string", start);
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) throw error("control character " + String.format("U+%04X", (int) c) + " must be escaped in a string");
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) throw error("unterminated escape sequence");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length()) throw error("incomplete \\u escape");
                    int code = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int digit = Character.digit(text.charAt(i), 16);
                        if (digit < 0) throw error("invalid hex digit " + describe(i) + " in \\u escape", i);
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("invalid escape \\" + e);
            }
            pos += 2;
        }
    }

    private Object parseNumber() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit but found " + describe(pos));
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point but found " + describe(pos));
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent but found " + describe(pos));
            while (isDigit(peek())) pos++;
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLarge) {
                // falls through to a double
            }
        }
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) throw error("number " + literal + " is out of the double range", start);
        return d;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected " + describe(pos) + ", expected a value");
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "' but found " + describe(pos));
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private String describe(int at) {
        if (at >= text.length()) return "end of input";
        char c = text.charAt(at);
        return c < 0x20 || c > 0x7e ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String message) {
        return error(message, pos);
    }

    private JsonException error(String message, int at) {
        int line = 1, column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException("JSON error at line " + line + ", column " + column + " (offset " + at + "): " + message, at);
    }
}
