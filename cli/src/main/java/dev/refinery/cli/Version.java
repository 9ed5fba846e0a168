package dev.refinery.cli;

import picocli.CommandLine;

/** Version from the jar manifest, or "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Refinery.class.getPackage().getImplementationVersion();
        return new String[] {"refinery " + (v == null ? "dev" : v)};
    }
}
