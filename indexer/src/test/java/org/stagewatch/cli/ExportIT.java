package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.cli.CliOutput.stdout;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.export.Csv;
import org.stagewatch.export.DaoExport;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;

/**
 * {@code export} then re-import equals the store: on the demo DAO (proposals with multi-line descriptions, votes with
 * empty reasons, delegations, the council's owners, control facts, a stage history), every CSV file read back with a
 * CSV parser holds exactly the rows its SQL view gives (NULL and empty text kept apart), the Parquet files read back with
 * DuckDB hold the same rows with integer columns typed BIGINT and amounts as exact text, and the files agree with the
 * commands' own answers: each proposal's tallies, state and quorum as {@code proposals --json}, every delegate's power
 * at the head rebuilt from the voting-power intervals as {@code delegates --json}, the stage history's points as
 * {@code stage --history --json}; {@code proposals --csv} and {@code delegates --csv} equal their {@code --json}.
 * It runs on SQLite and again on PostgreSQL ({@link TestDatabases#target}); there the same chain is also indexed into a
 * SQLite file and exported, and every CSV file of the two exports must be byte for byte the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Each exported file and the view and order it must equal; stage_history has no view. */
    private static final Map<String, String> VIEWS = Map.of(
            "proposals", "SELECT * FROM proposal_tallies WHERE dao_id = 'demo' ORDER BY chain_id, created_block, governor, proposal_id",
            "votes", "SELECT * FROM vote_history WHERE dao_id = 'demo' ORDER BY chain_id, block_number, log_index",
            "delegations", "SELECT * FROM delegation_history WHERE dao_id = 'demo' ORDER BY chain_id, block_number, log_index",
            "voting_power", "SELECT * FROM voting_power_history WHERE dao_id = 'demo' ORDER BY chain_id, token, delegate, from_block, log_index",
            "council_owners", "SELECT * FROM safe_owner_history WHERE dao_id = 'demo' ORDER BY chain_id, safe, from_block, owner",
            "control_facts", "SELECT * FROM control_facts WHERE dao_id = 'demo' ORDER BY chain_id, block_number, log_index, fact, change");

    AnvilNode node;
    Path dir;
    String db;
    /** PostgreSQL pass: the same chain indexed into a SQLite file (null on the SQLite pass). */
    String sqliteDb;

    @BeforeAll
    void indexTheDemoAndExportIt() throws Exception {
        node = AnvilNode.start(31337);
        DemoDao demo = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, demo, 5, 80);
        dir = Files.createTempDirectory("stagewatch-export-it");
        Path config = dir.resolve("demo.yml");
        DevnetConfigWriter.write(config, node.chainId(), node.rpcUrl(), demo);
        db = TestDatabases.target(dir, "demo.db");
        try (Database database = Database.open(db)) {
            new Indexer(new Store(database), EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        }
        if (TestDatabases.postgres()) {
            sqliteDb = dir.resolve("reference.db").toString();
            try (Database database = Database.open(sqliteDb)) {
                new Indexer(new Store(database), EventDecoder.standard(), SyncProgress.NONE)
                        .backfill(ConfigLoader.load(config), OptionalLong.empty());
            }
            stdout("export", "--dao", "demo", "--db", sqliteDb, "--out", dir.resolve("csv-sqlite").toString());
        }
        node.close();
        node = null;
        stdout("export", "--dao", "demo", "--db", db, "--out", dir.resolve("csv").toString());
        stdout("export", "--dao", "demo", "--db", db, "--out", dir.resolve("parquet").toString(), "--format", "parquet");
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldWriteEveryViewsRowsExactlyIntoItsCsvFile() throws Exception {
        assertThat(Files.list(dir.resolve("csv")).map(file -> file.getFileName().toString()).sorted().toList()).containsExactly(
                "control_facts.csv", "council_owners.csv", "delegations.csv", "proposals.csv", "stage_history.csv", "votes.csv",
                "voting_power.csv");
        for (Map.Entry<String, String> view : VIEWS.entrySet()) {
            Table viewed = query(view.getValue());
            Table exported = readCsv(dir.resolve("csv").resolve(view.getKey() + ".csv"));
            assertThat(viewed.rows()).as(view.getKey() + " in the store").isNotEmpty();
            List<String> columns = view.getKey().equals("proposals") ? exported.columns().subList(0, exported.columns().size() - 2)
                    : exported.columns();
            assertThat(columns).as(view.getKey() + " columns").isEqualTo(viewed.columns());
            List<List<String>> rows = exported.rows().stream().map(row -> row.subList(0, columns.size())).toList();
            assertThat(rows).as(view.getKey() + " rows").isEqualTo(viewed.rows());
        }
        Table votes = readCsv(dir.resolve("csv").resolve("votes.csv"));
        int reason = votes.columns().indexOf("reason");
        assertThat(votes.rows()).as("votes without a reason keep an empty text, not NULL").anyMatch(row -> "".equals(row.get(reason)));
        Table proposals = readCsv(dir.resolve("csv").resolve("proposals.csv"));
        int description = proposals.columns().indexOf("description");
        assertThat(proposals.rows()).allMatch(row -> row.get(description).contains("\n\n"));
        int queued = proposals.columns().indexOf("queued_block");
        assertThat(proposals.rows()).as("NULL stays NULL").anyMatch(row -> row.get(queued) == null);
    }

    /** PostgreSQL pass: the export of a PostgreSQL store is the export of a SQLite store of the same chain, byte for byte. */
    @Test
    void shouldExportFromPostgresqlExactlyWhatSqliteGives() throws Exception {
        Assumptions.assumeTrue(sqliteDb != null, "compares the two databases in the PostgreSQL pass");
        for (String name : DaoExport.FILES) {
            String fromPostgres = Files.readString(dir.resolve("csv").resolve(name + ".csv"));
            String fromSqlite = Files.readString(dir.resolve("csv-sqlite").resolve(name + ".csv"));
            assertThat(fromPostgres).as(name + ".csv from PostgreSQL and from SQLite").isEqualTo(fromSqlite);
        }
    }

    @Test
    void shouldAgreeWithTheProposalsDelegatesAndStageHistoryCommands() throws Exception {
        Table proposals = readCsv(dir.resolve("csv").resolve("proposals.csv"));
        JsonNode answered = JSON.readTree(stdout("proposals", "--dao", "demo", "--db", db, "--json")).get("proposals");
        assertThat(proposals.rows()).hasSize(answered.size()).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode proposal : answered) {
            Map<String, String> row = proposals.find("proposal_id", proposal.get("proposalId").asText());
            assertThat(row.get("for_votes")).isEqualTo(proposal.get("forVotes").asText());
            assertThat(row.get("against_votes")).isEqualTo(proposal.get("againstVotes").asText());
            assertThat(row.get("abstain_votes")).isEqualTo(proposal.get("abstainVotes").asText());
            assertThat(row.get("state")).isEqualTo(proposal.get("state").asText());
            assertThat(row.get("quorum")).isEqualTo(proposal.get("quorum").isNull() ? null : proposal.get("quorum").asText());
        }

        JsonNode ranking = JSON.readTree(stdout("delegates", "--dao", "demo", "--db", db, "--top", "100000", "--json"));
        long head = ranking.get("block").asLong();
        Map<String, String> expected = new TreeMap<>();
        ranking.get("top").forEach(delegate -> expected.put(delegate.get("address").asText(), delegate.get("power").asText()));
        Map<String, String> rebuilt = new TreeMap<>();
        Table power = readCsv(dir.resolve("csv").resolve("voting_power.csv"));
        for (List<String> values : power.rows()) {
            Map<String, String> row = power.named(values);
            long from = Long.parseLong(row.get("from_block"));
            if (from <= head && (row.get("until_block") == null || Long.parseLong(row.get("until_block")) > head)
                    && new BigInteger(row.get("power")).signum() > 0) {
                rebuilt.put(row.get("delegate"), row.get("power"));
            }
        }
        assertThat(rebuilt).hasSizeGreaterThan(20).isEqualTo(expected);

        JsonNode history = JSON.readTree(stdout("stage", "--dao", "demo", "--db", db, "--history", "--json")).get("changes");
        Table stage = readCsv(dir.resolve("csv").resolve("stage_history.csv"));
        List<String> expectedPoints = new ArrayList<>();
        history.forEach(change -> {
            int rows = Math.max(1, change.get("changed").size());
            for (int i = 0; i < rows; i++) {
                expectedPoints.add(change.get("block").asText() + "/" + (change.get("changed").isEmpty() ? null
                        : change.get("changed").get(i).get("id").asText() + ":" + change.get("changed").get(i).get("to").asText()));
            }
        });
        List<String> exportedPoints = stage.rows().stream().map(stage::named)
                .map(row -> row.get("block_number") + "/" + (row.get("requirement") == null ? null : row.get("requirement") + ":" + row.get("to_status")))
                .toList();
        assertThat(exportedPoints).isNotEmpty().isEqualTo(expectedPoints);
    }

    @Test
    void shouldReadTheParquetFilesBackWithDuckDbAsTheCsvFiles() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (String name : List.of("proposals", "votes", "delegations", "voting_power", "council_owners", "control_facts", "stage_history")) {
                Path parquet = dir.resolve("parquet").resolve(name + ".parquet");
                Table csv = readCsv(dir.resolve("csv").resolve(name + ".csv"));
                Table read = rows(statement.executeQuery("SELECT * FROM read_parquet('" + parquet + "')"));
                assertThat(read.columns()).as(name).isEqualTo(csv.columns());
                assertThat(read.rows()).as(name).isEqualTo(csv.rows());
            }
            ResultSet types = statement.executeQuery("SELECT typeof(chain_id), typeof(from_block), typeof(power) FROM read_parquet('"
                    + dir.resolve("parquet").resolve("voting_power.parquet") + "') LIMIT 1");
            assertThat(types.next()).isTrue();
            assertThat(List.of(types.getString(1), types.getString(2), types.getString(3))).containsExactly("BIGINT", "BIGINT", "VARCHAR");
        }
        assertThat(Files.list(dir.resolve("parquet")).map(file -> file.getFileName().toString()))
                .as("no CSV or partial file left beside the Parquet files").allMatch(name -> name.endsWith(".parquet"));
    }

    @Test
    void shouldPrintProposalsAndDelegatesAsCsvWithTheirJsonValues() throws Exception {
        Table proposals = parse(new StringReader(stdout("proposals", "--dao", "demo", "--db", db, "--csv")));
        JsonNode answered = JSON.readTree(stdout("proposals", "--dao", "demo", "--db", db, "--json")).get("proposals");
        assertThat(proposals.rows()).hasSize(answered.size());
        for (JsonNode proposal : answered) {
            Map<String, String> row = proposals.find("proposalId", proposal.get("proposalId").asText());
            for (String field : List.of("title", "state", "forVotes", "againstVotes", "abstainVotes", "quorum", "quorumMargin",
                    "totalVotingPowerAtSnapshot")) {
                assertThat(row.get(field)).as(field).isEqualTo(proposal.get(field).isNull() ? null : proposal.get(field).asText());
            }
        }
        Table delegates = parse(new StringReader(stdout("delegates", "--dao", "demo", "--db", db, "--top", "20", "--csv")));
        JsonNode ranking = JSON.readTree(stdout("delegates", "--dao", "demo", "--db", db, "--top", "20", "--json"));
        assertThat(delegates.rows()).hasSize(ranking.get("top").size()).hasSize(20);
        for (JsonNode delegate : ranking.get("top")) {
            Map<String, String> row = delegates.find("address", delegate.get("address").asText());
            assertThat(row.get("power")).isEqualTo(delegate.get("power").asText());
            assertThat(new BigDecimal(row.get("share"))).isEqualByComparingTo(delegate.get("share").decimalValue());
            assertThat(row.get("block")).isEqualTo(ranking.get("block").asText());
        }
    }

    /** A table read back: its columns and rows of text (null for NULL). */
    record Table(List<String> columns, List<List<String>> rows) {
        Map<String, String> named(List<String> values) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values.get(i));
            }
            return row;
        }

        Map<String, String> find(String column, String value) {
            int index = columns.indexOf(column);
            return rows.stream().filter(row -> value.equals(row.get(index))).findFirst().map(this::named)
                    .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
        }
    }

    private Table query(String sql) throws Exception {
        String url = db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + db;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            return rows(statement.executeQuery(sql));
        }
    }

    private static Table rows(ResultSet result) throws Exception {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                Object value = result.getObject(i);
                row.add(value == null ? null : value.toString());
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private static Table readCsv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    private static Table parse(Reader reader) throws Exception {
        try (CSVParser parser = Csv.reading().parse(reader)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(Arrays.asList(record.values()));
            }
            return new Table(parser.getHeaderNames(), rows);
        }
    }
}
