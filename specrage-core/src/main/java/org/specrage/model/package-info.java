/**
 * Model directories: {@link org.specrage.model.ModelDirectory} writes a JSON manifest and one
 * checksummed weight file atomically and reads them back with checks (format version, sizes,
 * CRC-32), reporting damage as {@link org.specrage.model.ModelFormatException};
 * {@link org.specrage.model.Manifest} gives typed access to the manifest's entries.
 */
package org.specrage.model;
