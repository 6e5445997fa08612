package org.stagewatch.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.slf4j.bridge.SLF4JBridgeHandler;
import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.chain.RpcException;
import org.stagewatch.config.ConfigException;
import org.stagewatch.config.RpcUrls;
import org.stagewatch.store.SqliteFailures;
import org.stagewatch.store.StoreException;
import org.stagewatch.sync.SyncException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code stagewatch}: the command line. Each subcommand is one class; errors the user can act on
 * print one message on stderr and exit 2 — so do SQLite's own conditions of the database file (full disk,
 * read-only or damaged file) wherever they surface —, anything else exits 1 with the stack trace.
 */
@Command(name = "stagewatch", mixinStandardHelpOptions = true, version = "stagewatch 0.1.0",
        description = "Indexes rollup DAO governance and turns it into decentralization evidence.",
        subcommands = {IndexCommand.class, ProposalsCommand.class, DelegatesCommand.class, MetricsCommand.class,
                CouncilCommand.class, PathsCommand.class, StageCommand.class, EqualizerCommand.class, MilestonesCommand.class,
                DecisionsCommand.class, ReportCommand.class, ExportCommand.class, ServeCommand.class, ReprojectCommand.class, DemoCommand.class,
                BenchCommand.class, AotTrainingCommand.class})
public final class StagewatchCommand implements Runnable {
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // libraries logging through java.util.logging go through logback too, and so through its URL redaction
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(execute(args));
    }

    /** Runs the CLI without exiting (tests call this). */
    public static int execute(String... args) {
        return execute(new CommandLine(new StagewatchCommand()), args);
    }

    static int execute(CommandLine commandLine, String... args) {
        commandLine.setExecutionExceptionHandler(StagewatchCommand::handle);
        return commandLine.execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        // a StoreException already tells its SQLite condition in context; anything else that stems from one is told here
        Optional<String> database = e instanceof StoreException ? Optional.empty()
                : SqliteFailures.describe(databaseOf(parseResult), "failed", e);
        if (database.isPresent() || isUserFacing(e)) {
            // a PostgreSQL --db may carry a password: every URL in the line is cut after its host
            err.println("stagewatch " + commandLine.getCommandName() + ": "
                    + RpcUrls.redactAll(database.orElse(String.valueOf(e.getMessage()))));
            err.flush();
            return USER_ERROR;
        }
        err.println("stagewatch " + commandLine.getCommandName() + ": unexpected failure: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** The --db the failed command was given (its default when none). */
    private static String databaseOf(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        return command.hasMatchedOption("--db") ? command.matchedOptionValue("--db", "stagewatch.db") : "stagewatch.db";
    }

    static boolean isUserFacing(Throwable e) {
        return e instanceof UserError || e instanceof ConfigException || e instanceof StoreException
                || e instanceof SyncException || e instanceof RpcException || e instanceof AnalyzeException;
    }
}
