package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.stagewatch.cli.CliOutput.stdout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.store.TestDatabases;

/**
 * {@code bench metrics --db postgresql://…?schema=bench_…}: the synthetic store is written into SQLite and into the
 * schema, each step timed on both, and the ratios are PostgreSQL's seconds over SQLite's; both stores answer
 * {@code metrics --json} at the benchmark's block with the same document; a second run starts from an emptied
 * schema (the store is not written twice over). A URL without a schema of the benchmark's own is refused before
 * anything is written. The benchmark's plumbing: no speed is asserted.
 */
class BenchMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String schema = "bench_metrics_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabases.serverUrl()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void shouldMeasureTheSameStoreOnPostgresqlBesideSqlite() throws Exception {
        String url = TestDatabases.serverUrl() + "&currentSchema=" + schema;
        String sqlite = dir.resolve("bench.db").toString();
        JsonNode first = JSON.readTree(stdout("bench", "metrics", "--db", url, "--sqlite", sqlite, "--delegates", "200", "--checkpoints",
                "2000", "--json"));
        JsonNode report = JSON.readTree(stdout("bench", "metrics", "--db", url, "--sqlite", sqlite, "--delegates", "200", "--checkpoints",
                "2000", "--json"));
        assertThat(first.get("postgresql").isObject()).isTrue();

        assertThat(report.get("database").asText()).isEqualTo(sqlite);
        JsonNode postgres = report.get("postgresql");
        assertThat(postgres.get("database").asText()).contains(schema).doesNotContain("user=");
        for (String step : new String[] {"scan", "pointInTime", "series"}) {
            double pg = postgres.get(step + "Seconds").asDouble();
            double lite = report.get(step + "Seconds").asDouble();
            assertThat(pg).as(step).isPositive();
            assertThat(postgres.get(step + "ToSqlite").asDouble()).as(step).isCloseTo(pg / lite, offset(1e-9));
        }
        assertThat(postgres.get("writeSeconds").asDouble()).isPositive();

        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT delegate) FROM voting_power")) {
            rows.next();
            assertThat(rows.getLong(1)).as("the second run wrote into an emptied schema").isEqualTo(2000);
            assertThat(rows.getLong(2)).isEqualTo(200);
        }
        String block = report.get("pointInTimeBlock").asText();
        JsonNode fromPostgres = JSON.readTree(stdout("metrics", "--dao", "bench", "--db", url, "--block", block, "--json"));
        JsonNode fromSqlite = JSON.readTree(stdout("metrics", "--dao", "bench", "--db", sqlite, "--block", block, "--json"));
        ((ObjectNode) fromPostgres).remove("sampledAt");
        ((ObjectNode) fromSqlite).remove("sampledAt");
        assertThat(fromPostgres).isEqualTo(fromSqlite);
        assertThat(fromSqlite.toString()).contains("\"delegates\"");
    }

    @Test
    void shouldRefuseAPostgresqlUrlWithoutASchemaOfItsOwn() {
        String server = TestDatabases.serverUrl();
        for (String url : new String[] {server, server + "&currentSchema=public"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // before picocli makes its writers
            try {
                assertThat(StagewatchCommand.execute("bench", "metrics", "--db", url, "--sqlite", dir.resolve("x.db").toString())).isEqualTo(2);
            } finally {
                System.setErr(originalErr);
            }
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("starts with bench").contains("?schema=bench_")
                    .doesNotContain("user=postgres");
        }
        assertThat(dir.resolve("x.db")).doesNotExist();
    }
}
