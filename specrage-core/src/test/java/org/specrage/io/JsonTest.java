package org.specrage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesCompactAndPrettyForms() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "mnist");
        m.put("k", 10);
        m.put("acc", 0.5);
        m.put("ok", true);
        m.put("none", null);
        m.put("ints", new int[] {1, 2});
        m.put("nested", List.of(Map.of("a", 1L)));
        m.put("empty", new LinkedHashMap<>());
        assertEquals("{\"name\":\"mnist\",\"k\":10,\"acc\":0.5,\"ok\":true,\"none\":null,\"ints\":[1,2],"
                + "\"nested\":[{\"a\":1}],\"empty\":{}}", Json.write(m, false));
        assertEquals("""
                {
                  "name": "mnist",
                  "k": 10,
                  "acc": 0.5,
                  "ok": true,
                  "none": null,
                  "ints": [1, 2],
                  "nested": [
                    {
                      "a": 1
                    }
                  ],
                  "empty": {}
                }""", Json.write(m, true));
    }

    @Test
    void writesNumbersAsJsonAllows() {
        assertEquals("[null,null,null,1.0E-5,-0.0,3.0,1.0E300,123456789012345]",
                Json.write(new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, 1e-5, -0.0, 3.0, 1e300,
                        123456789012345L}));
        assertEquals("[0.1,2.5]", Json.write(new float[] {0.1f, 2.5f}));
        assertEquals("[9223372036854775807,-1]", Json.write(new long[] {Long.MAX_VALUE, -1}));
    }

    @Test
    void escapesStrings() {
        String s = "q\"b\\s/n\nt\tc\u0001\u001f é 😀 \u2028";
        String json = Json.write(s);
        assertEquals("\"q\\\"b\\\\s/n\\nt\\tc\\u0001\\u001f é 😀 \\u2028\"", json);
        assertEquals(s, Json.parse(json));
        assertEquals("\"\\ud800x\"", Json.write("\ud800x")); // lone surrogate is escaped
        assertEquals("\ud800x", Json.parse("\"\\ud800x\""));
    }

    @Test
    void parsesAllValueTypes() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0, true, false, null, \"x\\u00e9\\n\"], \"b\": {}, \"c\": []} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertTrue(m instanceof LinkedHashMap);
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(m.keySet()));
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(0L, a.get(2));
        assertEquals(Boolean.TRUE, a.get(3));
        assertEquals(Boolean.FALSE, a.get(4));
        assertEquals(null, a.get(5));
        assertEquals("xé\n", a.get(6));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of(), m.get("c"));
        assertEquals(1e20, Json.parse("100000000000000000000")); // beyond long: a double
        assertEquals(-0.0, Json.parse("-0.0"));
    }

    @Test
    void roundTripsRandomDoublesExactly() {
        SplittableRandom random = new SplittableRandom(1);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 2 -> random.nextGaussian() * 1e-300;
                default -> (random.nextDouble() - 0.5) * 1e12;
            };
            if (!Double.isFinite(values[i])) values[i] = i;
        }
        List<?> back = (List<?>) Json.parse(Json.write(values, true));
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], ((Number) back.get(i)).doubleValue(), 0.0, "value " + i);
        }
    }

    @Test
    void roundTripsNestedStructures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1L, 2.5, "s", List.of(), Map.of()));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", null);
        inner.put("x", Arrays.asList(true, null, "tab\there"));
        m.put("inner", inner);
        assertEquals(m, Json.parse(Json.write(m, false)));
        assertEquals(m, Json.parse(Json.write(m, true)));
        assertEquals(Json.write(m, true), Json.write(Json.parse(Json.write(m, true)), true));
    }

    @Test
    void reportsPositionsOfMalformedInput() {
        assertError("{\"a\": 1,\n  \"b\" 2}", 2, 7, "expected ':'");
        assertError("[1, 2", 1, 6, "expected ',' or ']'");
        assertError("", 1, 1, "unexpected end of input");
        assertError("[1,]", 1, 4, "expected a value");
        assertError("{\"a\":1,}", 1, 8, "expected a string key");
        assertError("{\"a\":1, \"a\":2}", 1, 9, "duplicate key");
        assertError("01", 1, 2, "after the JSON value");
        assertError("-", 1, 2, "expected a digit");
        assertError("1.", 1, 3, "decimal point");
        assertError("1e+", 1, 4, "exponent");
        assertError("tru", 1, 1, "expected a value");
        assertError("\"abc", 1, 1, "unterminated string");
        assertError("\"a\nb\"", 1, 3, "control character");
        assertError("\"\\x\"", 1, 2, "invalid escape");
        assertError("\"\\u12g4\"", 1, 6, "invalid hex digit");
        assertError("NaN", 1, 1, "expected a value");
        assertError("1e999", 1, 1, "out of the double range");
        assertError("{} {}", 1, 4, "after the JSON value");
        assertError("[".repeat(2000), 1, 1002, "nesting deeper");
    }

    @Test
    void rejectsUnwritableValues() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        List<Object> self = new ArrayList<>();
        self.add(self);
        assertThrows(IllegalArgumentException.class, () -> Json.write(self));
        assertThrows(IllegalArgumentException.class, () -> Json.parse(null));
    }

    private static void assertError(String text, int line, int column, String fragment) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text), text);
        assertTrue(e.getMessage().contains("line " + line + ", column " + column), text + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), text + " -> " + e.getMessage());
    }
}
