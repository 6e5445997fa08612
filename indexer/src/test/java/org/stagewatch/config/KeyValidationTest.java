package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.VALID;
import static org.stagewatch.config.ConfigFixture.validWith;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown, misspelt and missing keys at every level, and values of the wrong type. */
class KeyValidationTest {
    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    @Test
    void suggestsTheClosestTopLevelKeyForATypo() {
        assertThat(fixture.problems("dao: {}\n" + VALID))
                .containsExactly("dao: unknown top-level key 'dao' (did you mean 'daos'?)");
    }

    @Test
    void listsTheKnownKeysWhenNoneIsClose() {
        assertThat(fixture.problems("database: stagewatch.db\n" + VALID))
                .containsExactly("database: unknown top-level key 'database' (expected top-level keys: chains, daos)");
    }

    @Test
    void rejectsAnUnknownChainKey() {
        String yaml = validWith("    confirmations: 2\n", "    confirmations: 2\n    startBlock: 5\n");
        assertThat(fixture.problems(yaml)).containsExactly(
                "chains.eth.startBlock: unknown chain key 'startBlock' (expected chain keys: chainId, rpc, confirmations, maxBlockRange, finalityDepth, pollIntervalMs, timeoutSeconds, maxRetries, requestsPerSecond, maxConcurrency, parent, probeInterval)");
    }

    @Test
    void suggestsTheChainKeyATypoWasMeantToBe() {
        String yaml = validWith("    confirmations: 2\n", "    confirmations: 2\n    maxBlockRnage: 500\n");
        assertThat(fixture.problems(yaml))
                .containsExactly("chains.eth.maxBlockRnage: unknown chain key 'maxBlockRnage' (did you mean 'maxBlockRange'?)");
    }

    @Test
    void suggestsTheDaoKeyATypoWasMeantToBe() {
        assertThat(fixture.problems(validWith("    name: Arbitrum DAO", "    names: Arbitrum DAO")))
                .containsExactly("daos.arbitrum.names: unknown DAO key 'names' (did you mean 'name'?)");
    }

    @Test
    void suggestsTheContractKeyWhenOnlyTheCaseIsWrong() {
        assertThat(fixture.problems(validWith("startBlock: 70398215", "startblock: 70398215")))
                .containsExactly("daos.arbitrum.contracts[0].startblock: unknown contract key 'startblock' (did you mean 'startBlock'?)");
    }

    @Test
    void reportsAMisspeltRequiredKeyOnceNotAlsoAsMissing() {
        assertThat(fixture.problems(validWith("chainId: 42161", "chainID: 42161")))
                .containsExactly("chains.arb1.chainID: unknown chain key 'chainID' (did you mean 'chainId'?)");
    }

    @Test
    void rejectsAChainWithoutChainId() {
        assertThat(fixture.problems(validWith("    chainId: 42161\n", ""))).containsExactly(
                "chains.arb1.chainId: missing required key 'chainId' (the chain id the RPC reports, e.g. chainId: 42161 for Arbitrum One)");
    }

    @Test
    void rejectsAContractWithoutAddress() {
        assertThat(fixture.problems(validWith("        address: \"0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9\"\n", "")))
                .containsExactly("daos.arbitrum.contracts[1].address: missing required key 'address'"
                        + " (the contract address, 0x followed by 40 hex digits)");
    }

    @Test
    void rejectsAFileWithoutDaos() {
        String chainsOnly = VALID.substring(0, VALID.indexOf("daos:"));
        assertThat(fixture.problems(chainsOnly)).containsExactly(
                "daos: missing required key 'daos' (declare the DAOs and their contracts under daos: (see config/examples/))");
    }

    @Test
    void rejectsTextWhereANumberBelongs() {
        assertThat(fixture.problems(validWith("startBlock: 70398215", "startBlock: latest"))).containsExactly(
                "daos.arbitrum.contracts[0].startBlock: not a whole number 'latest'"
                        + " (expected the deployment block, a whole number ≥ 0; omit it to have the indexer find the deployment block)");
    }

    @Test
    void rejectsAFractionWhereAWholeNumberBelongs() {
        assertThat(fixture.problems(validWith("confirmations: 2", "confirmations: 1.5"))).containsExactly(
                "chains.eth.confirmations: not a whole number '1.5'"
                        + " (expected a whole number of blocks ≥ 0 to stay behind the head; omit it for 0)");
    }

    @Test
    void rejectsANumberTooLargeForItsKey() {
        assertThat(fixture.problems(validWith("chainId: 42161", "chainId: 99999999999999999999"))).containsExactly(
                "chains.arb1.chainId: out of range '99999999999999999999' (expected a positive chain id, e.g. 42161 for Arbitrum One)");
    }

    @Test
    void rejectsAListWhereASingleValueBelongs() {
        assertThat(fixture.problems(validWith("chainId: 1", "chainId: [1]"))).containsExactly(
                "chains.eth.chainId: a list where a single value belongs (expected a positive chain id, e.g. 42161 for Arbitrum One)");
    }

    @Test
    void rejectsYesWhereTrueOrFalseBelongs() {
        assertThat(fixture.problems(validWith("transfers: true", "transfers: yes")))
                .containsExactly("daos.arbitrum.contracts[0].transfers: not true or false 'yes' (expected true or false)");
    }

    @Test
    void rejectsAListWhereTheChainsMapBelongs() {
        String yaml = "chains: [arb1, eth]\n" + VALID.substring(VALID.indexOf("daos:"));
        assertThat(fixture.problems(yaml)).containsExactly("chains: a list where a map belongs"
                + " (expected chain keys mapped to chains, e.g. chains: {arb1: {chainId: 42161, rpc: …}})");
    }

    @Test
    void rejectsAnEmptyChainsMap() {
        String yaml = "chains: {}\ndaos:\n" + VALID.substring(VALID.indexOf("  arbitrum:"));
        assertThat(fixture.problems(yaml)).contains("chains: no chains (declare at least one chain under chains:)");
    }

    @Test
    void rejectsAnEmptyDaosMap() {
        String yaml = VALID.substring(0, VALID.indexOf("daos:")) + "daos: {}\n";
        assertThat(fixture.problems(yaml)).containsExactly("daos: no DAOs (declare at least one DAO under daos:)");
    }
}
