package org.specrage.methods.common;

import java.util.Map;

/** An options value with a JSON-ready form (snake_case keys), as stored in manifests and config files. */
public interface JsonWritable {
    Map<String, Object> toJson();
}
