package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOptionsTest {
    /** A caller-built map may hold an array of the wrong type: the message shows its elements, not [D@1b6d3586. */
    @Test
    void aWrongValueIsShownByItsElements() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("hidden", new double[] {1.5, 2});
        values.put("names", new String[] {"a", "b"});
        values.put("k", new int[] {3});
        values.put("nested", new Object[] {new long[] {1, 2}, "x"});
        values.put("text", "ten");
        JsonOptions json = new JsonOptions(values, "test options");
        assertEquals("test options: \"hidden\" must be an array of integers, got [1.5, 2.0]",
                assertThrows(IllegalArgumentException.class, () -> json.ints("hidden", null)).getMessage());
        assertEquals("test options: \"names\" must be an array of integers, got [a, b]",
                assertThrows(IllegalArgumentException.class, () -> json.ints("names", null)).getMessage());
        assertEquals("test options: \"k\" must be an integer, got [3]",
                assertThrows(IllegalArgumentException.class, () -> json.integer("k", 0)).getMessage());
        assertEquals("test options: \"nested\" must be a string, got [[1, 2], x]",
                assertThrows(IllegalArgumentException.class, () -> json.string("nested", null)).getMessage());
        assertEquals("test options: \"text\" must be a number, got ten",
                assertThrows(IllegalArgumentException.class, () -> json.number("text", 0)).getMessage());
    }
}
