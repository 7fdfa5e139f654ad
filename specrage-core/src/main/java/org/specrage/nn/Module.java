package org.specrage.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.tensor.Tensor;

/**
 * Something with named parameters, possibly made of named sub-modules. Parameter names are
 * dotted paths ("0.weight", "encoder.1.bias") in registration order; they are the keys of
 * {@link ParameterFile}.
 */
public abstract class Module {
    private final LinkedHashMap<String, Tensor> ownParameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();

    /** Registers a parameter under a name unique within this module; returns it. */
    protected final Tensor addParameter(String name, Tensor parameter) {
        checkName(name);
        if (!parameter.isLeaf() || !parameter.requiresGrad()) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a leaf that requires a gradient (Tensor.parameter)");
        }
        ownParameters.put(name, parameter);
        return parameter;
    }

    /** Registers a sub-module under a name unique within this module; returns it. */
    protected final <M extends Module> M addModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("bad name '" + name + "': must be non-empty without dots");
        if (ownParameters.containsKey(name) || children.containsKey(name)) throw new IllegalArgumentException("name '" + name + "' is already used");
    }

    /** All parameters by dotted name, this module's own first, then each child's in order. */
    public final Map<String, Tensor> namedParameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        ownParameters.forEach((name, p) -> out.put(prefix + name, p));
        children.forEach((name, child) -> child.collect(prefix + name + ".", out));
    }

    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor p : namedParameters().values()) n += p.size();
        return n;
    }

    public final void zeroGrad() {
        for (Tensor p : namedParameters().values()) p.zeroGrad();
    }
}
