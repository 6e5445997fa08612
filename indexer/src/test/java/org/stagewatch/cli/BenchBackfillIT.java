package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.stagewatch.store.TestDatabases;

/**
 * {@code bench backfill} end to end on a small load (its own anvil, 4,000 delegation events, two rounds): both
 * phases of every round see every generated event, and the summary is what the rounds say — the median ratio,
 * the first round's ratio, the highest peak heap; with a PostgreSQL {@code --db}, the same backfill into it in every
 * round. No figure is checked against a speed: this is a benchmark's
 * plumbing, not a timed test.
 */
class BenchBackfillIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMeasureEveryEventInEveryRoundAndSummariseTheRounds() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute("bench", "backfill", "--events", "4000", "--delegates", "50", "--range", "1",
                    "--rounds", "2", "--json")).isZero();
        } finally {
            System.setOut(original);
        }
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));

        assertThat(report.get("events").asLong()).isEqualTo(4000);
        assertThat(report.get("rounds").asInt()).isEqualTo(2);
        JsonNode rounds = report.get("byRound");
        assertThat(rounds).hasSize(2);
        List<Double> ratios = new ArrayList<>();
        long peak = 0;
        for (JsonNode round : rounds) {
            assertThat(round.get("events").asLong()).isEqualTo(4000);
            assertThat(round.get("baselineEvents").asLong()).isEqualTo(4000);
            assertThat(round.get("ratio").asDouble()).isPositive();
            assertThat(round.get("pipelinedBaselineEvents").asLong()).isEqualTo(4000);
            assertThat(round.get("pipelinedBaselineEventsPerSecond").asLong()).isPositive();
            assertThat(round.get("ratioToPipelinedBaseline").asDouble()).isCloseTo(
                    round.get("eventsPerSecond").asDouble() / round.get("pipelinedBaselineEventsPerSecond").asDouble(),
                    offset(0.01));
            assertThat(round.get("phaseSeconds").get("write").asDouble()).isPositive();
            ratios.add(round.get("ratio").asDouble());
            peak = Math.max(peak, round.get("peakHeapBytes").asLong());
        }
        assertThat(report.get("ratio").asDouble()).as("median of two: the lower").isEqualTo(Math.min(ratios.get(0), ratios.get(1)));
        assertThat(report.get("firstRoundRatio").asDouble()).isEqualTo(ratios.get(0));
        assertThat(report.get("peakHeapBytes").asLong()).isEqualTo(peak).isPositive();
        assertThat(report.get("eventsPerSecond").asLong()).isPositive();
        assertThat(report.get("baselineEventsPerSecond").asLong()).isPositive();
    }

    /**
     * With {@code --db postgresql://…?schema=bench_…} every round backfills into PostgreSQL right after SQLite: it sees
     * every event the chain answers plain eth_getLogs with, its ratio is its events/s over SQLite's of the same round,
     * the summary is the rounds' median, and the schema, dropped and recreated before each round, holds one backfill.
     */
    @Test
    void shouldBackfillIntoPostgresqlBesideSqliteInEveryRound() throws Exception {
        String schema = "bench_backfill_it_" + ProcessHandle.current().pid();
        String url = TestDatabases.serverUrl() + "&currentSchema=" + schema;
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute("bench", "backfill", "--events", "4000", "--delegates", "50", "--range", "1",
                    "--rounds", "2", "--json", "--db", url)).isZero();
            JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
            List<Double> ratios = new ArrayList<>();
            for (JsonNode round : report.get("byRound")) {
                assertThat(round.get("postgresEvents").asLong()).isEqualTo(round.get("baselineEvents").asLong()).isEqualTo(4000);
                assertThat(round.get("postgresToSqlite").asDouble()).isCloseTo(
                        round.get("postgresEventsPerSecond").asDouble() / round.get("eventsPerSecond").asDouble(),
                        offset(0.01));
                assertThat(round.get("postgresPhaseSeconds").get("write").asDouble()).isPositive();
                ratios.add(round.get("postgresToSqlite").asDouble());
            }
            assertThat(report.get("postgresToSqlite").asDouble()).isEqualTo(Math.min(ratios.get(0), ratios.get(1)));
            assertThat(report.get("postgresql").asText()).contains(schema).doesNotContain("user=");
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SUM(log_count) FROM raw_log_blocks")) {
                rows.next();
                assertThat(rows.getLong(1)).as("one backfill's logs: the schema was emptied before the second").isEqualTo(4000);
            }
        } finally {
            System.setOut(original);
            try (Connection connection = DriverManager.getConnection(TestDatabases.serverUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
