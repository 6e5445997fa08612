package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.devnet.RollupDao;
import org.stagewatch.devnet.RollupDaoDeployer;
import org.stagewatch.devnet.RollupScenario;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;

/**
 * The SQL views (V13, docs/schema.md) answer what the commands answer: on the demo DAO and on the Arbitrum-like
 * rollup scenario (whose L1 council rotates a signer and raises its threshold), voting power per delegate at sampled
 * blocks equals {@code delegates --json}, proposal tallies and voters equal {@code proposals --json}, and a council's
 * owners at every block equal {@code council --json} — all read through plain SQL a researcher's tool would send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    final List<AnvilNode> nodes = new ArrayList<>();
    String demoDb;
    String rollupDb;
    RollupDao rollup;

    @BeforeAll
    void indexTheDemoAndTheRollupScenario() throws Exception {
        dir = Files.createTempDirectory("stagewatch-views-it");
        AnvilNode demoNode = start(31337);
        DemoDao demo = DemoDaoDeployer.deploy(demoNode);
        DemoScenario.play(demoNode, demo, 11);
        Path demoConfig = dir.resolve("demo.yml");
        DevnetConfigWriter.write(demoConfig, demoNode.chainId(), demoNode.rpcUrl(), demo);
        demoDb = dir.resolve("demo.db").toString();
        new Indexer(new Store(Database.open(demoDb)), EventDecoder.standard(), SyncProgress.NONE)
                .backfill(ConfigLoader.load(demoConfig), OptionalLong.empty());

        AnvilNode l1 = start(1337);
        AnvilNode l2 = start(412346);
        rollup = RollupDaoDeployer.deploy(l1, l2);
        RollupScenario.play(l1, rollup);
        Path rollupConfig = dir.resolve("rollup.yml");
        Files.writeString(rollupConfig, """
                chains:
                  l1: {chainId: 1337, rpc: "%s", confirmations: 0}
                  l2: {chainId: 412346, rpc: "%s", parent: l1, confirmations: 0}
                daos:
                  rollup:
                    contracts:
                %s
                """.formatted(l1.rpcUrl(), l2.rpcUrl(), String.join("\n", List.of(
                entry("votes-token", "l2", rollup.token(), ""), entry("governor", "l2", rollup.governor(), ""),
                entry("safe", "l2", rollup.l2Council(), ", council: true"),
                // the L1 council from after its setup block: its first owners come from the start-block reading
                entry("safe", "l1", new Deployed(rollup.l1Council().name(), rollup.l1Council().address(),
                        rollup.l1Council().block() + 1), ", council: true"),
                entry("proxy", "l1", rollup.bridge(), ", critical: true")))));
        rollupDb = dir.resolve("rollup.db").toString();
        new Indexer(new Store(Database.open(rollupDb)), EventDecoder.standard(), SyncProgress.NONE)
                .backfill(ConfigLoader.load(rollupConfig), OptionalLong.empty());
    }

    private AnvilNode start(long chainId) {
        AnvilNode node = AnvilNode.start(chainId);
        nodes.add(node);
        return node;
    }

    private static String entry(String kind, String chain, Deployed contract, String extra) {
        return "      - {kind: %s, chain: %s, address: \"%s\", label: %s, startBlock: %d%s}".formatted(kind, chain,
                contract.checksummed(), contract.name(), contract.block(), extra);
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(AnvilNode::close);
    }

    @Test
    void shouldGiveTheVotingPowerOfDelegatesAtSampledBlocksAsTheDelegatesCommand() throws Exception {
        for (String[] dao : new String[][] {{"demo", demoDb}, {"rollup", rollupDb}}) {
            Store store = new Store(Database.open(dao[1]));
            long head = json("delegates", "--dao", dao[0], "--db", dao[1], "--json").get("block").asLong();
            int compared = 0;
            long first = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT MIN(start_block) FROM contracts WHERE dao_id = :dao").bind("dao", dao[0]).mapTo(Long.class).one());
            for (long block = first; block <= head; block += Math.max(1, (head - first) / 12)) {
                JsonNode ranking = json("delegates", "--dao", dao[0], "--db", dao[1], "--block", Long.toString(block),
                        "--top", "100000", "--json");
                Map<String, String> expected = new TreeMap<>();
                ranking.get("top").forEach(delegate -> expected.put(delegate.get("address").asText(), delegate.get("power").asText()));
                long at = block;
                Map<String, String> viewed = new TreeMap<>();
                store.jdbi().useHandle(handle -> handle.createQuery("""
                                SELECT delegate, power, power_tokens FROM voting_power_history
                                WHERE dao_id = :dao AND from_block <= :block AND (until_block IS NULL OR until_block > :block)
                                  AND power <> '0'""").bind("dao", dao[0]).bind("block", at)
                        .map((rs, context) -> {
                            // the token's decimals() was read at index time: 18 for both devnet tokens
                            assertThat(rs.getString(3)).isEqualTo(new BigDecimal(rs.getString(2)).movePointLeft(18).toPlainString());
                            return viewed.put(rs.getString(1), rs.getString(2));
                        }).list());
                assertThat(viewed).as("%s power at block %d", dao[0], block).isEqualTo(expected);
                assertThat(ranking.get("totalVotingPower").asText()).isEqualTo(viewed.values().stream().map(BigInteger::new)
                        .reduce(BigInteger.ZERO, BigInteger::add).toString());
                compared += expected.size();
            }
            assertThat(compared).as("delegate powers compared for " + dao[0]).isGreaterThan(dao[0].equals("demo") ? 200 : 0);
        }
    }

    @Test
    void shouldGiveTheTalliesOfEveryProposalAsTheProposalsCommand() throws Exception {
        Store store = new Store(Database.open(demoDb));
        JsonNode proposals = json("proposals", "--dao", "demo", "--db", demoDb, "--json").get("proposals");
        assertThat(proposals.size()).isGreaterThanOrEqualTo(5);
        List<String> expected = new ArrayList<>();
        proposals.forEach(p -> expected.add(String.join(",", p.get("proposalId").asText(), p.get("forVotes").asText(),
                p.get("againstVotes").asText(), p.get("abstainVotes").asText(), p.get("forVoters").asText(),
                p.get("againstVoters").asText(), p.get("abstainVoters").asText(), p.get("createdBlock").asText(),
                p.get("executedBlock").asText(), p.get("canceledBlock").asText())));
        List<String> viewed = store.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT proposal_id, for_votes, against_votes, abstain_votes, for_voters, against_voters, abstain_voters,
                               created_block, executed_block, canceled_block
                        FROM proposal_tallies WHERE dao_id = 'demo'""")
                .map((rs, context) -> String.join(",", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), String.valueOf(rs.getString(9)),
                        String.valueOf(rs.getString(10)))).list());
        assertThat(viewed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).anyMatch(row -> !row.contains(",null,null")); // an executed or canceled one among them
    }

    @Test
    void shouldGiveEachCouncilsOwnersAtEveryBlockAsTheCouncilCommand() throws Exception {
        Store store = new Store(Database.open(rollupDb));
        int changes = 0;
        for (long chainId : new long[] {1337, 412346}) {
            long head = store.checkpoint(chainId).orElseThrow().blockNumber();
            String previous = null;
            long first = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT MIN(start_block) FROM contracts WHERE chain_id = :chainId").bind("chainId", chainId).mapTo(Long.class).one());
            for (long block = first; block <= head; block++) {
                JsonNode councils = json("council", "--dao", "rollup", "--db", rollupDb, "--block", Long.toString(block),
                        "--chain", Long.toString(chainId), "--json").get("councils");
                for (JsonNode council : councils) {
                    if (council.get("chainId").asLong() != chainId) {
                        continue;
                    }
                    TreeSet<String> expected = new TreeSet<>();
                    council.get("owners").forEach(owner -> expected.add(owner.asText()));
                    long at = block;
                    TreeSet<String> viewed = new TreeSet<String>(store.jdbi().<List<String>, RuntimeException>withHandle(handle -> handle.createQuery("""
                                    SELECT owner FROM safe_owner_history
                                    WHERE dao_id = 'rollup' AND chain_id = :chainId AND safe = :safe AND council = 1
                                      AND from_block <= :block AND (until_block IS NULL OR until_block > :block)""")
                            .bind("chainId", chainId).bind("safe", council.get("address").asText()).bind("block", at)
                            .mapTo(String.class).list()));
                    assertThat(viewed).as("owners of %s at block %d", council.get("address").asText(), block).isEqualTo(expected);
                    if (chainId == 1337 && previous != null && !previous.equals(expected.toString())) {
                        changes++;
                    }
                    if (chainId == 1337) {
                        previous = expected.toString();
                    }
                }
            }
        }
        assertThat(changes).as("the L1 council's owners changed (a signer rotated)").isPositive();
    }

    /** Runs a command in this process and reads its --json document. */
    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(CliOutput.stdout(args));
    }
}
