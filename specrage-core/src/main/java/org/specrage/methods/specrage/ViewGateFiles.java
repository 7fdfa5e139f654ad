package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.ModelReader;
import org.specrage.methods.common.ModelWriter;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * A SpecRaGE model's {@link ViewGate} and {@link SingleViewHeads} in its model directory. Manifest:
 * {@code view_gate}, one entry per view, null or {@code {"unit_rows", "marked": [0|1 per centroid]}},
 * the centroids stored with the weights as "gate{v}.centroids"; and {@code networks.view_heads}, one
 * entry per view, null or a one-layer network under "head{v}.".
 */
final class ViewGateFiles {
    private ViewGateFiles() {
    }

    /** The gate and heads read back (heads may hold nulls). */
    record Read(ViewGate gate, Mlp[] heads) {
    }

    static void write(ModelWriter out, ViewGate gate, Mlp[] heads) {
        List<Object> entries = new ArrayList<>();
        for (int v = 0; v < gate.viewCount(); v++) {
            FMatrix centroids = gate.centroids(v);
            if (centroids == null) {
                entries.add(null);
                continue;
            }
            Map<String, Object> entry = Manifest.newObject();
            entry.put("unit_rows", gate.unitRows(v));
            List<Object> marked = new ArrayList<>();
            for (boolean b : gate.marked(v)) marked.add(b ? 1L : 0L);
            entry.put("marked", marked);
            entries.add(entry);
            out.putArray("gate" + v + ".centroids", centroids);
        }
        out.put("view_gate", entries);
        List<Object> headList = new ArrayList<>();
        for (int v = 0; v < gate.viewCount(); v++) {
            Mlp head = heads == null ? null : heads[v];
            headList.add(head == null ? null : out.network(head, "head" + v + ".", Activation.IDENTITY, Activation.IDENTITY));
        }
        out.putNetworks("view_heads", headList);
    }

    /**
     * The gate and heads of a model directory, or null when it has none; every dimension is checked
     * against the views' network inputs and the networks' output columns.
     */
    static Read read(ModelReader in, int[] netInputs, int outputs, SpecRageOptions options) throws ModelFormatException {
        Manifest m = in.manifest();
        Manifest networks = in.networks();
        if (!m.has("view_gate")) {
            if (networks.has("view_heads")) throw new ModelFormatException("the model has single-view heads but no view gate");
            return null;
        }
        int views = netInputs.length;
        List<Manifest> entries = m.objectsOrNulls("view_gate");
        if (entries.size() != views) throw new ModelFormatException("the view gate has " + entries.size() + " entries for " + views + " views");
        FMatrix[] centroids = new FMatrix[views];
        boolean[][] marked = new boolean[views][];
        boolean[] unitRows = new boolean[views];
        boolean anyGate = false;
        for (int v = 0; v < views; v++) {
            Manifest entry = entries.get(v);
            if (entry == null) continue;
            int[] flags = entry.ints("marked");
            if (flags.length == 0) throw new ModelFormatException("view " + v + "'s gate has no centroids");
            marked[v] = new boolean[flags.length];
            for (int j = 0; j < flags.length; j++) {
                if (flags[j] != 0 && flags[j] != 1) throw new ModelFormatException("view " + v + "'s gate marks must be 0 or 1, got " + flags[j]);
                marked[v][j] = flags[j] == 1;
            }
            unitRows[v] = entry.bool("unit_rows");
            if (unitRows[v] != (options.viewMetric(v) == ViewMetric.COSINE)) {
                throw new ModelFormatException("view " + v + "'s gate " + (unitRows[v] ? "scales rows to unit length" : "keeps rows as they are")
                        + " but the view's metric is " + options.viewMetric(v).name().toLowerCase(java.util.Locale.ROOT));
            }
            centroids[v] = in.array("gate" + v + ".centroids", flags.length, netInputs[v]);
            anyGate = true;
        }
        if (!anyGate) throw new ModelFormatException("the view gate gates no view");
        List<Manifest> headEntries = networks.objectsOrNulls("view_heads");
        if (headEntries.size() != views) throw new ModelFormatException("the model has " + headEntries.size() + " single-view heads for " + views + " views");
        Mlp[] heads = new Mlp[views];
        for (int v = 0; v < views; v++) {
            if (headEntries.get(v) == null) continue;
            if (!"identity".equals(headEntries.get(v).string("activation")) || !"identity".equals(headEntries.get(v).string("output_activation"))) {
                throw new ModelFormatException("single-view head " + v + " must be linear (identity activations)");
            }
            Mlp head = in.network(headEntries.get(v), "head" + v + ".");
            if (head.inputSize() != netInputs[v] || head.outputSize() != outputs || head.linears().size() != 1) {
                throw new ModelFormatException("single-view head " + v + " maps " + head.inputSize() + " -> " + head.outputSize()
                        + " in " + head.linears().size() + " layers; expected one layer " + netInputs[v] + " -> " + outputs);
            }
            heads[v] = head;
        }
        return new Read(new ViewGate(centroids, marked, unitRows), heads);
    }
}
