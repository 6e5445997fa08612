package org.stagewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DelegateRanking;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.milestones.DecisionAnalyzer;
import org.stagewatch.analyze.milestones.MilestoneAnalyzer;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.report.TokenUnits;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch demo}: a local anvil chain with the demo DAO deployed and played, indexed into a
 * fresh SQLite file, then its proposals and top delegates. Needs no RPC key and no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a devnet, deploy and play the demo DAO, index it into SQLite and print what was found.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-output",
            description = "where demo.yml and demo.db are written (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "scenario seed; the same seed plays the same transactions")
    long seed;

    @Option(names = "--chain-id", defaultValue = "31337", description = "the devnet's chain id (default: ${DEFAULT-VALUE})")
    long chainId;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(out);
        Path db = out.resolve("demo.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Path configFile = out.resolve("demo.yml");
        try (AnvilNode node = AnvilNode.start(chainId)) {
            System.err.printf("demo: anvil on %s (chain id %d)%n", node.rpcUrl(), chainId);
            DemoDao dao = DemoDaoDeployer.deploy(node);
            System.err.println("demo: deployed the demo DAO; playing the scenario (seed " + seed + ") …");
            DemoScenario.play(node, dao, seed);
            DevnetConfigWriter.write(configFile, chainId, node.rpcUrl(), dao);
            System.err.println("demo: wrote " + configFile + "; indexing into " + db);
            StagewatchConfig config = ConfigLoader.load(configFile);
            Store store = new Store(Database.open(db.toString()));
            new Indexer(store, EventDecoder.standard(), ConsoleProgress.forStderr()).backfill(config, OptionalLong.empty());
            DaoScope scope = DaoScope.load(store, "demo");
            System.out.println();
            ProposalsCommand.print(System.out, "demo", new ProposalMetrics(store).reports(scope, null, null),
                    chain -> TokenUnits.of(store, scope, chain), false);
            System.out.println();
            DelegatesCommand.print(System.out, new DelegateRanking(store).rank(scope, null, null, 10), TokenUnits.of(store, scope));
            System.out.println();
            MetricsOutput.human(System.out, new MetricsAnalyzer(store).at(scope, null, null, null), TokenUnits.of(store, scope));
            System.out.println();
            ChainPoints head = ChainPoints.resolve(store, scope, null, null, null);
            StageCommand.print(System.out, new StageAnalyzer(store).rate(scope, head));
            System.out.println();
            EqualizerCommand.print(System.out, new Equalizer(store).at(scope, head, null), TokenUnits.of(store, scope));
            System.out.println();
            MilestonesCommand.print(System.out, new MilestoneAnalyzer(store).at(scope, head));
            System.out.println();
            DecisionsCommand.print(System.out, new DecisionAnalyzer(store).at(scope, head));
        }
        System.out.printf("%ndemo: done in %s. Explore: ./stagewatch proposals --dao demo --db %s --json%n",
                ConsoleProgress.format(Duration.ofNanos(System.nanoTime() - started)), db);
        return 0;
    }
}
