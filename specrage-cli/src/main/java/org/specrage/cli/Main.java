package org.specrage.cli;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import org.specrage.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Entry point of the specrage command-line tool: one class per sub-command. */
@Command(name = "specrage",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Spectral representation learning: exact spectral clustering and neural spectral embeddings.",
        subcommands = {ClusterCommand.class, FitCommand.class, TransformCommand.class, PredictCommand.class, InfoCommand.class, GenerateCommand.class, CorruptCommand.class, EvaluateCommand.class, SslCheckCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Held strongly: java.util.logging forgets a logger's level once nothing references it. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (see {@link ExitCodes}); used by tests. */
    public static int run(String... args) {
        quietNativeLoaderWarnings();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Path config = ConfigDefaults.configPath(args);
        if (config != null) {
            ConfigDefaults defaults;
            try {
                defaults = ConfigDefaults.read(config);
            } catch (DataException e) {
                cli.getErr().println("specrage: " + e.getMessage());
                return e.exitCode();
            } catch (IllegalArgumentException e) {
                cli.getErr().println("specrage: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            cli.setDefaultValueProvider(defaults);
            CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
            cli.setParameterExceptionHandler((e, given) -> {
                // the rejected value is the file's: one line naming the file, without the usage (the command line was fine)
                if (e.getArgSpec() != null && defaults.keyGiving(e.getArgSpec(), args) != null) {
                    String message = e.getMessage();
                    e.getCommandLine().getErr().println("specrage: " + config + ": " + Character.toLowerCase(message.charAt(0)) + message.substring(1));
                    return ExitCodes.USAGE;
                }
                return standard.handleParseException(e, given);
            });
            cli.setExecutionStrategy(parsed -> {
                ParseResult last = parsed;
                while (last.hasSubcommand()) last = last.subcommand();
                try {
                    defaults.checkKeys(last.commandSpec());
                } catch (IllegalArgumentException e) {
                    cli.getErr().println("specrage: " + e.getMessage());
                    return ExitCodes.USAGE;
                }
                try {
                    return new CommandLine.RunLast().execute(parsed);
                } catch (CommandLine.ExecutionException e) {
                    // a value out of its option's range that the file gave: name the file, as for a value picocli rejects
                    if (e.getCause() instanceof OptionRanges.OutOfRange r) {
                        OptionSpec option = last.commandSpec().findOption(r.option);
                        if (option != null && defaults.keyGiving(option, args) != null) {
                            cli.getErr().println("specrage: " + config + ": " + r.getMessage());
                            return ExitCodes.USAGE;
                        }
                    }
                    throw e;
                }
            });
        }
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(cli.getErr(), e);
        }
    }

    /** The heap ran out (picocli passes Errors through): one line naming the remedy, as for any other failure. */
    static int outOfMemory(java.io.PrintWriter err, OutOfMemoryError e) {
        err.printf(java.util.Locale.ROOT, "specrage: out of memory (%s, Java heap of %.1f GB): give Java more memory with"
                + " SPECRAGE_JAVA_OPTS=-Xmx..., or use a smaller batch size, network or data set%n",
                e.getMessage(), Runtime.getRuntime().maxMemory() / 1e9);
        if ("1".equals(System.getenv("SPECRAGE_DEBUG"))) e.printStackTrace(err);
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }

    /** netlib logs every BLAS implementation it tries and fails to load; the CLI reports the one it got. */
    private static void quietNativeLoaderWarnings() {
        NETLIB_LOG.setLevel(Level.SEVERE);
    }
}
