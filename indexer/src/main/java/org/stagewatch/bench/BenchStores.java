package org.stagewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.OptionalLong;

import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;

/**
 * The two databases {@code bench api} serves: the demo DAO's, built as {@code stagewatch demo} builds it, and the
 * synthetic token history of {@code bench metrics} ({@link SyntheticStore}) with a config naming its DAO.
 */
public final class BenchStores {
    /** A database and the config to serve it with. */
    public record Served(Path db, Path config, String dao) {
    }

    private BenchStores() {
    }

    /**
     * The demo DAO deployed and played on a fresh anvil (seed 42, as {@code stagewatch demo}), then {@code mine}
     * empty blocks so that the scenario's blocks are final (a chain goes on; the devnet's finality depth is 64),
     * indexed into {@code dir/demo.db}.
     */
    public static Served demo(Path dir, long mine) {
        Path db = dir.resolve("demo.db");
        Path config = dir.resolve("demo.yml");
        try (AnvilNode node = AnvilNode.start(31337)) {
            DemoDao dao = DemoDaoDeployer.deploy(node);
            DemoScenario.play(node, dao, 42);
            if (mine > 0) {
                node.mine(mine);
            }
            DevnetConfigWriter.write(config, 31337, node.rpcUrl(), dao);
            Store store = new Store(Database.open(db.toString()));
            new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        }
        return new Served(db, config, DevnetConfigWriter.DAO);
    }

    /**
     * The synthetic store at {@code db}, written (and packed) unless {@code reuse}, and a config naming its DAO,
     * token and governor on chain 1 (never asked: the server only reads).
     */
    public static Served synthetic(Path db, Path configDir, int delegates, long checkpoints, long seed, boolean reuse)
            throws SQLException, IOException {
        if (!reuse) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            Database database = Database.open(db.toString());
            long lastBlock = SyntheticStore.write(database, delegates, checkpoints, seed);
            SyntheticStore.pack(database, lastBlock);
        }
        Path config = configDir.resolve("bench.yml");
        Files.writeString(config, """
                # bench api: the synthetic store of bench metrics (see docs/benchmarks.md)
                chains:
                  bench:
                    chainId: %d
                    rpc: http://127.0.0.1:9
                daos:
                  %s:
                    name: synthetic token history
                    contracts:
                      - kind: votes-token
                        chain: bench
                        address: "%s"
                        label: BENCH
                        startBlock: 0
                      - kind: governor
                        chain: bench
                        address: "%s"
                        label: Bench Governor
                        startBlock: 0
                """.formatted(SyntheticStore.CHAIN_ID, SyntheticStore.DAO, SyntheticStore.TOKEN, SyntheticStore.GOVERNOR));
        return new Served(db, config, SyntheticStore.DAO);
    }
}
