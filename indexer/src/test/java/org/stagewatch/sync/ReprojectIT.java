package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.cli.StagewatchCommand;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.VoteCast;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.project.GovernorProjector;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projector;
import org.stagewatch.project.Projectors;
import org.stagewatch.project.VotesTokenProjector;
import org.stagewatch.store.Database;
import org.stagewatch.store.DerivedTables;
import org.stagewatch.store.Store;

/**
 * {@code stagewatch reproject} rebuilds the derived tables from the stored raw logs alone: the demo DAO is indexed
 * from a real anvil node, the node is stopped (so any RPC would fail), the derived tables are damaged the way a
 * projector bug would leave them, and after {@code reproject} the database's canonical dump equals the fresh
 * index's — on SQLite and, when a PostgreSQL URL is given, on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReprojectIT {
    Path dir;
    Store sqlite;
    Store postgres;
    String postgresSchema;
    Map<String, List<String>> freshSqlite;
    Map<String, List<String>> freshPostgres;

    @BeforeAll
    void indexTheDemoThenStopTheNode() throws Exception {
        dir = Files.createTempDirectory("stagewatch-reproject-it");
        StagewatchConfig config;
        try (AnvilNode node = AnvilNode.start(31337)) {
            DemoDao dao = DemoDaoDeployer.deploy(node);
            DemoScenario.play(node, dao, 7);
            Path configFile = dir.resolve("demo.yml");
            DevnetConfigWriter.write(configFile, node.chainId(), node.rpcUrl(), dao);
            config = ConfigLoader.load(configFile);
            sqlite = new Store(Database.open(dir.resolve("demo.db").toString()));
            new Indexer(sqlite, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.empty());
            String url = System.getenv("STAGEWATCH_TEST_POSTGRES");
            if (url != null && !url.isBlank()) {
                postgresSchema = "stagewatch_reproject_" + ProcessHandle.current().pid();
                try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + postgresSchema);
                }
                postgres = new Store(Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + postgresSchema));
                new Indexer(postgres, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.empty());
            }
        }
        freshSqlite = TableDump.of(sqlite);
        freshPostgres = postgres == null ? null : TableDump.of(postgres);
    }

    @AfterAll
    void dropTheSchema() throws Exception {
        if (postgresSchema != null) {
            try (Connection connection = DriverManager.getConnection(System.getenv("STAGEWATCH_TEST_POSTGRES"));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
            }
        }
    }

    @Test
    void shouldIndexEveryKindOfDerivedRowTheReprojectionRebuilds() {
        for (String table : List.of("proposals", "proposal_events", "votes", "governor_settings", "delegations", "voting_power",
                "transfers", "delegates", "safe_changes", "role_changes", "ownership_changes", "proxy_changes",
                "timelock_delays", "timelock_operations", "executor_calls")) {
            assertThat(freshSqlite.get(table)).as(table).isNotEmpty();
        }
        assertThat(freshSqlite.get("packed power history")).hasSameSizeAs(freshSqlite.get("voting_power"));
    }

    @Test
    void shouldRebuildDamagedTablesOnSqliteWithoutAnyRpc() throws Exception {
        damage(sqlite);
        assertThat(TableDump.of(sqlite)).isNotEqualTo(freshSqlite);
        assertThat(reproject("--db", sqlite.database().location())).isZero();
        assertSameDump(sqlite, freshSqlite);
    }

    @Test
    void shouldRebuildEverythingWhenEveryDerivedTableWasEmptied() throws Exception {
        execute(sqlite, DerivedTables.ALL.stream().map(table -> "DELETE FROM " + table.name()).toArray(String[]::new));
        assertThat(reproject("--db", sqlite.database().location())).isZero();
        assertSameDump(sqlite, freshSqlite);
    }

    @Test
    void shouldRebuildOneDaosContractsAndLeaveAnotherDaosRowsAlone() throws Exception {
        // a second DAO on the same chain, with a contract of its own: --dao demo then rebuilds address by address
        String other = "0x00000000000000000000000000000000000000aa";
        execute(sqlite, "INSERT INTO contracts (dao_id, chain_id, address, kind, label, start_block, critical, transfers) "
                + "VALUES ('other', 31337, '" + other + "', 'ownable', 'Other', 0, 0, 0)",
                "INSERT INTO ownership_changes (chain_id, contract, change, previous_owner, new_owner, block_number, log_index, tx_hash) "
                + "VALUES (31337, '" + other + "', 'transferred', NULL, '0x00000000000000000000000000000000000000bb', 1, 99999, '0x01')");
        try {
            Map<String, List<String>> before = TableDump.of(sqlite);
            damage(sqlite);
            assertThat(reproject("--db", sqlite.database().location(), "--dao", "demo")).isZero();
            assertSameDump(sqlite, before);
        } finally {
            execute(sqlite, "DELETE FROM contracts WHERE dao_id = 'other'", "DELETE FROM ownership_changes WHERE contract = '" + other + "'");
        }
        assertSameDump(sqlite, freshSqlite);
    }

    @Test
    void shouldLeaveTheDatabaseAsItWasWhenTheReprojectionFailsHalfWay() throws Exception {
        damage(sqlite);
        Map<String, List<String>> damaged = TableDump.of(sqlite);
        Projector failing = new Projector() {
            private int votes;

            @Override
            public ContractKind kind() {
                return ContractKind.GOVERNOR;
            }

            @Override
            public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
                if (event instanceof VoteCast && ++votes == 20) {
                    throw new IllegalStateException("a projector bug");
                }
                new GovernorProjector().project(event, options, out);
            }
        };
        Reprojector reprojector = new Reprojector(sqlite, EventDecoder.standard(), new Projectors(List.of(failing,
                new VotesTokenProjector())), Reprojector.Progress.NONE);
        assertThatThrownBy(() -> reprojector.run(null)).hasMessageContaining("a projector bug");
        assertSameDump(sqlite, damaged);
        assertThat(reproject("--db", sqlite.database().location())).isZero();
        assertSameDump(sqlite, freshSqlite);
    }

    @Test
    void shouldRebuildDamagedTablesOnPostgresql() throws Exception {
        Assumptions.assumeTrue(postgres != null, "set STAGEWATCH_TEST_POSTGRES to run the PostgreSQL case");
        damage(postgres);
        assertThat(reproject("--db", postgres.database().target())).isZero();
        assertSameDump(postgres, freshPostgres);
    }

    @Test
    void shouldRefuseAnUnknownDaoAndChangeNothing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(reproject("--db", sqlite.database().location(), "--dao", "nope")).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no DAO 'nope'").doesNotContain("Exception");
        assertSameDump(sqlite, freshSqlite);
    }

    /** Table by table, so a difference names its table. */
    private static void assertSameDump(Store store, Map<String, List<String>> expected) {
        Map<String, List<String>> actual = TableDump.of(store);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, rows) -> assertThat(actual.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    /** What a projector bug could leave: rows missing, a wrong power, a row too many (at the Safe), the packed history gone. */
    private static void damage(Store store) throws Exception {
        execute(store,
                "DELETE FROM votes WHERE log_index % 3 = 0",
                "UPDATE voting_power SET new_votes = '1' WHERE log_index % 5 = 0",
                "DELETE FROM power_chunks",
                "DELETE FROM power_snapshots",
                "UPDATE delegates SET block_number = block_number + 1 WHERE delegate_id % 2 = 0",
                "DELETE FROM proposal_events",
                "INSERT INTO safe_changes (chain_id, safe, change, account, threshold, owners, encoding, block_number, log_index, tx_hash) "
                        + "SELECT 31337, address, 'threshold', NULL, '1', NULL, NULL, 2, 77777, '0x02' FROM contracts WHERE kind = 'safe'");
    }

    private static void execute(Store store, String... statements) {
        store.jdbi().useHandle(handle -> {
            for (String statement : statements) {
                handle.execute(statement);
            }
        });
    }

    private static int reproject(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "reproject";
        System.arraycopy(args, 0, command, 1, args.length);
        return StagewatchCommand.execute(command);
    }
}
