package org.specrage.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (the Maven project version), or "dev" when run from classes. */
final class Version implements IVersionProvider {
    static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"specrage " + current()};
    }
}
