package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Store;
import org.stagewatch.store.WriterLock;
import org.stagewatch.sync.Reprojector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch reproject}: rebuilds the projected and derived tables from the raw logs already stored, without
 * any RPC and without a config, holding the writer lock like {@code index}.
 */
@Command(name = "reproject", mixinStandardHelpOptions = true,
        description = "Rebuild every projected and derived table (proposals, votes, delegations, voting power and its "
                + "packed history, delegates, control changes) from the raw logs stored in the database, without any RPC. "
                + "One transaction per chain; headers, raw logs and state reads are kept.")
final class ReprojectCommand implements Callable<Integer> {
    @Option(names = "--dao", paramLabel = "ID", description = "only this DAO's contracts (default: every contract in the database)")
    String dao;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Store store = database.openExistingForWriting();
        if (dao != null) {
            DaoScope.load(store, dao); // an unknown DAO is refused by name before anything is locked or changed
        }
        PrintStream err = System.err;
        try (WriterLock lock = WriterLock.acquireAll(store.database())) {
            List<Reprojector.Result> results = new Reprojector(store, EventDecoder.standard(), Projectors.standard(),
                    progress(err)).run(dao);
            if (results.isEmpty()) {
                throw new UserError("no contracts in " + database.db + ": nothing to reproject; run stagewatch index first");
            }
            for (Reprojector.Result result : results) {
                if (result.contracts().isEmpty()) {
                    System.out.printf("chain %d: nothing indexed yet, nothing reprojected%n", result.chainId());
                    continue;
                }
                System.out.printf("chain %d: %,d contracts, %,d raw logs up to block %,d reprojected into %,d rows%s in %.1f s%n",
                        result.chainId(), result.contracts().size(), result.logs(), result.throughBlock(), result.rows(),
                        result.undecodable() == 0 ? "" : " (%,d logs did not decode and stay raw only)".formatted(result.undecodable()),
                        result.elapsed().toMillis() / 1000.0);
            }
        }
        return 0;
    }

    /** A line on stderr every two seconds while a chain is under way (a large database takes minutes). */
    private static Reprojector.Progress progress(PrintStream err) {
        long[] last = {System.nanoTime()};
        return (chainId, logsDone, logsTotal, block) -> {
            long now = System.nanoTime();
            if (now - last[0] >= 2_000_000_000L) {
                last[0] = now;
                err.printf("reproject: chain %d: %,d of %,d raw logs (%.0f%%), block %,d%n", chainId, logsDone, logsTotal,
                        logsTotal == 0 ? 100.0 : 100.0 * logsDone / logsTotal, block);
            }
        };
    }
}
