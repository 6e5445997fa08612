package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import java.util.Map;
import org.stagewatch.config.DecisionConfig;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.config.MilestonesConfig;
import org.stagewatch.config.StageConfig;
import org.stagewatch.store.MilestoneDao;
import org.stagewatch.store.MilestoneDeclaration;
import picocli.CommandLine;

/**
 * {@code milestones} and {@code decisions} over the hand-written bridge database (a bridge proxy whose ProxyAdmin a
 * 2-of-3 council Safe owns, from block 5) with a declaration recorded as {@code index} records it: the statuses the
 * facts give, the JSON keys README.md promises, the DOT graph, the history, and exit code 2 for bad calls.
 */
class MilestoneCommandsTest {
    @TempDir
    Path dir;
    String db;
    Store store;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void writeDatabaseAndCapture() {
        db = dir.resolve("milestones.db").toString();
        store = new Store(Database.open(db));
        ProjectedBatch rows = BridgeCouncilFixture.declare(store, 0);
        store.writeRange(List.of(), List.of(new BlockHeader(1, 5, "0xb5", "0xb4", 1_000, null)), rows, List.of(),
                new Checkpoint(1, 5, "0xb5"));
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private void declare() {
        StageConfig.ContractRef council = new StageConfig.ContractRef("eth", BridgeCouncilFixture.COUNCIL);
        MilestonesConfig milestones = new MilestonesConfig(List.of(new MilestonesConfig.Phase("A", "First", 1),
                new MilestonesConfig.Phase("B", "Second", 2)), List.of(
                new MilestonesConfig.Milestone("councilOwnsAdmin", "The council owns the ProxyAdmin", "A", List.of(), null,
                        new MilestoneCheck.OwnerCheck("eth", BridgeCouncilFixture.PROXY_ADMIN, List.of(council))),
                new MilestonesConfig.Milestone("councilGates", "Every upgrade is council-gated", "A", List.of("councilOwnsAdmin"), null,
                        new MilestoneCheck.RouteCheck(null, null, null, "council", null, null)),
                new MilestonesConfig.Milestone("needsVote", "Every upgrade needs the vote", "B", List.of("councilGates"), null,
                        new MilestoneCheck.RouteCheck(null, null, null, "vote", null, null))));
        List<DecisionConfig> decisions = List.of(new DecisionConfig("upgrade", "Bridge upgrade", null, List.of(
                new DecisionConfig.Permission("eth", BridgeCouncilFixture.BRIDGE, "upgrade", null, null))));
        String json = new MilestoneDeclaration(Map.of("eth", 1L), milestones, decisions).toJson();
        store.jdbi().useExtension(MilestoneDao.class, dao -> dao.replace(List.of("dao"), List.of(json)));
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(System.err, true));
        return StagewatchCommand.execute(commandLine, args);
    }

    @Test
    void shouldPrintStatusesWithTheDocumentedJsonKeys() throws Exception {
        declare();
        assertThat(run("milestones", "--dao", "dao", "--db", db, "--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("dao", "chainId", "block", "time", "at", "phases", "milestones");
        JsonNode owns = report.get("milestones").get(0);
        assertThat(owns.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("id", "title", "phase", "after", "source",
                "status", "blockedBy", "check", "evidence");
        assertThat(owns.get("status").asText()).isEqualTo("achieved");
        assertThat(owns.get("evidence").get(0).get("block").asLong()).isEqualTo(5);
        // 2 of 3 signers is less than 75% of the council: the route is not council-gated
        assertThat(report.get("milestones").get(1).get("status").asText()).isEqualTo("ready");
        assertThat(report.get("milestones").get(2).get("status").asText()).isEqualTo("blocked");
        assertThat(report.get("milestones").get(2).get("blockedBy").get(0).asText()).isEqualTo("councilGates");
        assertThat(report.get("phases").get(0).get("achieved").asInt()).isEqualTo(1);
        assertThat(report.get("phases").get(0).get("complete").asBoolean()).isFalse();
    }

    @Test
    void shouldDrawTheDagAndListTheHistoryAndTheDecisions() throws Exception {
        declare();
        assertThat(run("milestones", "--dao", "dao", "--db", db, "--dot")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("digraph \"dao milestones\" {")
                .contains("\"councilGates\" -> \"needsVote\" [color=\"#c03030\"];").contains("cluster_A");
        out.reset();
        assertThat(run("milestones", "--dao", "dao", "--db", db, "--history")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("chain 1 block 5").contains("councilOwnsAdmin achieved")
                .contains("ownership transferred " + BridgeCouncilFixture.COUNCIL);
        out.reset();
        assertThat(run("decisions", "--dao", "dao", "--db", db, "--json")).isZero();
        JsonNode decisions = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode route = decisions.get("decisions").get(0).get("permissions").get(0).get("routes").get(0);
        assertThat(route.get("holder").asText()).isEqualTo("Safe Council");
        assertThat(route.get("keys").asInt()).isEqualTo(2);
        assertThat(route.get("councilGated").asBoolean()).isFalse();
    }

    @Test
    void shouldRefuseBadCallsWithExitCode2() {
        assertThat(run("milestones", "--dao", "dao", "--db", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("declares no milestones").contains("config/SCHEMA.md");
        assertThat(run("decisions", "--dao", "dao", "--db", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("declares no decisions");
        declare();
        assertThat(run("milestones", "--dao", "dao", "--db", db, "--json", "--dot")).isEqualTo(2);
        assertThat(run("milestones", "--dao", "dao", "--db", db, "--history", "--block", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give --json or --dot, not both").contains("leave out --block and --at");
    }
}
