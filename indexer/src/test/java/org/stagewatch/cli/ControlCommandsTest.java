package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.cli.BridgeCouncilFixture.BRIDGE;
import static org.stagewatch.cli.BridgeCouncilFixture.PROXY_ADMIN;
import static org.stagewatch.cli.BridgeCouncilFixture.COUNCIL;
import static org.stagewatch.cli.BridgeCouncilFixture.SIGNERS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine;

/**
 * {@code paths} and {@code council} over a small hand-written database (a bridge proxy whose ProxyAdmin
 * is owned by a 2-of-3 council Safe, on chain 1, and a token on chain 10): the JSON keys README.md
 * promises, the DOT graph, and one clear message with exit code 2 for every bad call.
 */
class ControlCommandsTest {
    @TempDir
    Path dir;
    String db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void writeDatabaseAndCapture() {
        db = dir.resolve("control.db").toString();
        Store store = new Store(Database.open(db));
        ProjectedBatch rows = BridgeCouncilFixture.declare(store, 0,
                new ContractRow("dao", 10, "0x00000000000000000000000000000000000d0001", "votes-token", "Token", 0, false, false));
        store.writeRange(List.of(), List.of(new BlockHeader(1, 5, "0xb5", "0xb4", 1_000, null)), rows, List.of(),
                new Checkpoint(1, 5, "0xb5"));
        store.writeRange(List.of(), List.of(new BlockHeader(10, 7, "0xc7", "0xc6", 990, null)), new ProjectedBatch(), List.of(),
                new Checkpoint(10, 7, "0xc7"));
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

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(System.err, true));
        return StagewatchCommand.execute(commandLine, args);
    }

    @Test
    void shouldListEverySafeOfTheDaoWithAllAndOnlyTheDesignatedCouncilsWithout() throws Exception {
        String other = "0x00000000000000000000000000000000000d0002";
        String withOther = dir.resolve("all-safes.db").toString();
        Store store = new Store(Database.open(withOther));
        ProjectedBatch rows = BridgeCouncilFixture.declare(store, 0,
                new ContractRow("dao", 1, other, "safe", "Treasury Safe", 0, false, false));
        store.writeRange(List.of(), List.of(new BlockHeader(1, 5, "0xb5", "0xb4", 1_000, null)), rows, List.of(),
                new Checkpoint(1, 5, "0xb5"));

        assertThat(run("council", "--dao", "dao", "--db", withOther, "--json")).isZero();
        JsonNode designated = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("councils");
        assertThat(designated).singleElement().satisfies(council -> assertThat(council.get("designated").asBoolean()).isTrue());
        out.reset();

        assertThat(run("council", "--dao", "dao", "--db", withOther, "--json", "--all")).isZero();
        JsonNode all = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("councils");
        assertThat(all).hasSize(2);
        assertThat(all.findValuesAsText("address")).containsExactlyInAnyOrder(BridgeCouncilFixture.COUNCIL, other);
        assertThat(all).filteredOn(council -> council.get("address").asText().equals(other)).singleElement()
                .satisfies(council -> assertThat(council.get("designated").asBoolean()).isFalse());
        out.reset();

        assertThat(run("council", "--dao", "dao", "--db", withOther, "--all")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Treasury Safe (chain 1, " + other + ")")
                .contains(", security council:");
    }

    @Test
    void shouldPrintTheRoutesWithTheDocumentedJsonKeys() throws Exception {
        assertThat(run("paths", "--dao", "dao", "--db", db, "--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode permission = report.get("permissions").get(0);
        assertThat(permission.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("chainId", "target",
                "label", "permission", "minKeys", "minVoters", "votersNote", "minDelaySeconds", "fastestKeyRoute", "fastestVoteRoute",
                "fastestNonCouncilRoute", "truncated", "routes");
        assertThat(permission.get("target").asText()).isEqualTo(BRIDGE);
        assertThat(permission.get("permission").asText()).isEqualTo("upgrade");
        assertThat(permission.get("minKeys").asInt()).isEqualTo(2);
        JsonNode route = permission.get("routes").get(0);
        assertThat(route.get("councilGated").asBoolean()).as("2 of 3 signers is below 75%").isFalse();
        assertThat(permission.get("fastestNonCouncilRoute")).isEqualTo(route);
        assertThat(permission.get("fastestKeyRoute")).isEqualTo(route);
        assertThat(permission.get("minVoters").isNull()).as("no vote route").isTrue();
        assertThat(permission.get("fastestVoteRoute").isNull()).isTrue();
        assertThat(route.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("kind", "delaySeconds", "keys",
                "voters", "councilGated", "via", "gate", "votes", "approximate");
        assertThat(route.get("kind").asText()).isEqualTo("keys");
        assertThat(route.get("via").findValuesAsText("relation")).containsExactly("owner", "2-of-3 signers");
        assertThat(route.get("gate").asText()).isEqualTo("2-of-3(" + String.join(", ", SIGNERS) + ")");
        assertThat(report.get("at").findValuesAsText("block")).containsExactly("5", "7");
    }

    /** The human output: each route as a tree, every signer on a line of its own, nothing cut. */
    @Test
    void shouldPrintEachRouteAsATreeWithTheWholeGate() {
        assertThat(run("paths", "--dao", "dao", "--db", db)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Bridge · upgrade (chain 1, " + BRIDGE + "): 1 route\n")
                .contains("  fewest signing keys: 2 (fastest: route 1, 0 s)\n")
                .contains("  route 1 · 2 signing keys · delay 0 s · not council-gated\n")
                .contains("    via ProxyAdmin (owner) " + PROXY_ADMIN + "\n")
                .contains("      ← Council (2-of-3 signers) " + COUNCIL + "\n")
                .contains("    gate: 2 of these 3:\n")
                .doesNotContain("fewest voters");
        SIGNERS.forEach(signer -> assertThat(text).contains("\n      " + signer + "\n"));
        assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(120);
    }

    @Test
    void shouldPrintTheCouncilWithItsHistory() throws Exception {
        assertThat(run("council", "--dao", "dao", "--db", db, "--json")).isZero();
        JsonNode council = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("councils").get(0);
        assertThat(council.get("threshold").asInt()).isEqualTo(2);
        assertThat(council.get("owners").toString()).isEqualTo("[\"" + String.join("\",\"", SIGNERS) + "\"]");
        assertThat(council.get("designated").asBoolean()).isTrue();
        assertThat(council.get("history").get(0).get("event").asText()).isEqualTo("setup: 3 owners, threshold 2");
        assertThat(council.get("history").get(0).get("tx").asText()).isEqualTo("0xt1");
    }

    @Test
    void shouldRenderTheGraphForGraphviz() {
        assertThat(run("paths", "--dao", "dao", "--db", db, "--dot")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("digraph \"dao\" {")
                .contains("\"1:" + PROXY_ADMIN + "\" -> \"1:" + BRIDGE + "\" [label=\"upgrade\"];")
                .contains("\"1:" + COUNCIL + "\" -> \"1:" + PROXY_ADMIN + "\" [label=\"owner\"];")
                .contains("\"key:" + SIGNERS.get(0) + "\" -> \"1:" + COUNCIL + "\" [label=\"2-of-3 signers\"];").endsWith("}\n");
    }

    @Test
    void shouldRefuseAnUnknownDao() {
        assertThat(run("paths", "--dao", "nope", "--db", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no DAO 'nope'").contains("indexed DAOs: dao");
    }

    @Test
    void shouldRefuseAConfigWhoseCouncilIsNotASafeOrWhosePathNamesAnUndeclaredChain() throws Exception {
        Path config = dir.resolve("control.yml");
        Files.writeString(config, """
                chains:
                  l1: { chainId: 1, rpc: "http://127.0.0.1:1" }
                  l2: { chainId: 42161, rpc: "http://127.0.0.1:1", parent: l1 }
                daos:
                  dao:
                    contracts:
                      - { kind: timelock, chain: l2, address: "0x0000000000000000000000000000000000000001", council: true }
                    messagePaths:
                      - { fromChain: l2, from: "0x0000000000000000000000000000000000000001", toChain: eth,
                          sender: "0x0000000000000000000000000000000000000002", delaySeconds: 549816 }
                """);
        assertThat(run("index", "--config", config.toString(), "--db", dir.resolve("refused.db").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(config + ": daos.dao.contracts[0].council: council on a timelock contract")
                .contains(config + ": daos.dao.messagePaths[0].toChain: undeclared chain 'eth' (declare it under chains:, or use one of l1, l2)");
    }

    @Test
    void shouldRefuseJsonAndDotTogether() {
        assertThat(run("paths", "--dao", "dao", "--db", db, "--json", "--dot")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give either --json or --dot, not both");
    }

    @Test
    void shouldAskWhichChainABlockCountsOnOnlyWhenItIsAmbiguous() {
        assertThat(run("council", "--dao", "dao", "--db", db, "--chain", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--chain 1 says which chain --block counts on: give --block N too");
        assertThat(run("paths", "--dao", "dao", "--db", db, "--block", "5", "--chain", "137")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DAO 'dao' has no contracts on chain 137 (its chains: [1, 10])");
        // the critical contracts are all on chain 1, so --block counts there
        assertThat(run("paths", "--dao", "dao", "--db", db, "--block", "5")).isZero();
        assertThat(run("paths", "--dao", "dao", "--db", db, "--block", "9", "--chain", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("block 9 is outside the indexed range of chain 1");
    }

    private JsonNode json(String... args) throws Exception {
        out.reset();
        assertThat(run(args)).as(String.join(" ", args)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerEveryBlockOfABlockListAsItsOwnBlockDoes() throws Exception {
        for (String command : List.of("paths", "stage")) {
            JsonNode many = json(command, "--dao", "dao", "--db", db, "--blocks", "1..5:2", "--chain", "1", "--json");
            assertThat(many.get("dao").asText()).isEqualTo("dao");
            assertThat(many.get("chainId").asLong()).isEqualTo(1);
            assertThat(many.get("blocks").toString()).isEqualTo("[1,3,5]");
            assertThat(many.get("points")).hasSize(3);
            for (int i = 0; i < 3; i++) {
                String block = many.get("blocks").get(i).asText();
                assertThat(many.get("points").get(i)).as(command + " at block " + block)
                        .isEqualTo(json(command, "--dao", "dao", "--db", db, "--block", block, "--chain", "1", "--json"));
            }
            out.reset();
            assertThat(run(command, "--dao", "dao", "--db", db, "--blocks", "2,4")).isZero();
            String human = out.toString(StandardCharsets.UTF_8);
            assertThat(human).contains("── block 2 (1 of 2) ──").contains("── block 4 (2 of 2) ──");
        }
        JsonNode metrics = json("metrics", "--dao", "dao", "--db", db, "--blocks", "3,7", "--json");
        assertThat(metrics.get("points")).hasSize(2);
        assertThat(metrics.get("points").get(1)).isEqualTo(json("metrics", "--dao", "dao", "--db", db, "--block", "7", "--json"));
        out.reset();
        assertThat(run("metrics", "--dao", "dao", "--db", db, "--blocks", "3,7", "--csv")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3).element(2).asString().startsWith("7,");
    }

    @Test
    void shouldRefuseABadBlockListInOneLine() {
        String[][] calls = {
            {"stage", "--blocks", "1,,2"}, {"paths", "--blocks", "5..1"}, {"metrics", "--blocks", "1..9:0"}, {"stage", "--blocks", "x"},
            {"stage", "--blocks", "1,2", "--block", "3"}, {"metrics", "--blocks", "1,2", "--series", "--every", "1blocks"},
            {"paths", "--blocks", "1,2", "--dot"}, {"stage", "--blocks", "1,2", "--history"}, {"stage", "--blocks", "0..100000"}};
        for (String[] call : calls) {
            err.reset();
            List<String> args = new ArrayList<>(List.of(call));
            args.addAll(List.of("--dao", "dao", "--db", db));
            assertThat(run(args.toArray(String[]::new))).as(String.join(" ", call)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(String.join(" ", call)).hasSize(1)
                    .allMatch(line -> line.contains("--blocks") && !line.contains("Exception"));
        }
    }
}
