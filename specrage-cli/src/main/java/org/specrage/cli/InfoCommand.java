package org.specrage.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.specrage.data.MultiViewData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code specrage info}: what a data file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a data file: views, dims, dense or sparse, density, labels and class sizes.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws IOException {
        MultiViewData data = dataOptions.load();
        System.out.println("file: " + dataOptions.displayName());
        System.out.println(data.describe());
        return ExitCodes.OK;
    }
}
