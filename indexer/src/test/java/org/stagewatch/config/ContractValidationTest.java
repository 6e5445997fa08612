package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.VALID;
import static org.stagewatch.config.ConfigFixture.validWith;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on each DAO and its contracts: kinds, addresses, chain references, duplicates. */
class ContractValidationTest {
    private static final String TOKEN = "0x912CE59144191C1204E64559FE8253a0e49E6548";
    private static final String ADDRESS_REMEDY = "(expected 0x followed by 40 hex digits";

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    @Test
    void rejectsAnUnknownKindAndListsTheKnownOnes() {
        assertThat(fixture.problems(validWith("kind: governor", "kind: govenor"))).containsExactly(
                "daos.arbitrum.contracts[1].kind: unknown kind 'govenor' (expected one of governor, votes-token, safe,"
                        + " timelock, proxy, ownable, access-control, upgrade-executor, council-manager)");
    }

    @Test
    void rejectsAnAddressOfTheWrongLength() {
        assertThat(fixture.problems(validWith(TOKEN, "0x912CE59144191C1204E64559FE8253a0e49E654"))).containsExactly(
                "daos.arbitrum.contracts[0].address: malformed address '0x912CE59144191C1204E64559FE8253a0e49E654' "
                        + ADDRESS_REMEDY + ", got 39 digits)");
    }

    @Test
    void rejectsAnAddressWithANonHexDigit() {
        assertThat(fixture.problems(validWith(TOKEN, "0x912CE59144191C1204E64559FE8253a0e49E654g"))).containsExactly(
                "daos.arbitrum.contracts[0].address: malformed address '0x912CE59144191C1204E64559FE8253a0e49E654g' "
                        + ADDRESS_REMEDY + "; 'g' is not a hex digit)");
    }

    @Test
    void rejectsAnAddressWithout0xPrefix() {
        assertThat(fixture.problems(validWith(TOKEN, "912CE59144191C1204E64559FE8253a0e49E6548"))).containsExactly(
                "daos.arbitrum.contracts[0].address: malformed address '912CE59144191C1204E64559FE8253a0e49E6548' "
                        + ADDRESS_REMEDY + ", starting with 0x)");
    }

    @Test
    void rejectsAMixedCaseAddressWithAWrongChecksum() {
        assertThat(fixture.problems(validWith(TOKEN, "0x912Ce59144191C1204E64559FE8253a0e49E6548"))).containsExactly(
                "daos.arbitrum.contracts[0].address: wrong EIP-55 checksum in address '0x912Ce59144191C1204E64559FE8253a0e49E6548'"
                        + " (a wrong checksum usually means a mistyped digit: copy the address again from a block explorer;"
                        + " if these digits are right, the checksummed form is " + TOKEN + ")");
    }

    @Test
    void acceptsAnAllLowerCaseAddressAndStoresItChecksummed() {
        StagewatchConfig config = fixture.load(validWith(TOKEN, TOKEN.toLowerCase()));
        assertThat(config.daos().get(0).contracts().get(0).address()).isEqualTo(TOKEN);
    }

    @Test
    void acceptsAnAllUpperCaseAddressAndStoresItChecksummed() {
        StagewatchConfig config = fixture.load(validWith(TOKEN, "0x" + TOKEN.substring(2).toUpperCase()));
        assertThat(config.daos().get(0).contracts().get(0).address()).isEqualTo(TOKEN);
    }

    @Test
    void rejectsAContractOnAnUndeclaredChain() {
        assertThat(fixture.problems(validWith("chain: eth", "chain: ethereum"))).containsExactly(
                "daos.arbitrum.contracts[2].chain: undeclared chain 'ethereum' (declare it under chains:, or use one of arb1, eth)");
    }

    @Test
    void suggestsTheDeclaredChainATypoWasMeantToBe() {
        assertThat(fixture.problems(validWith("chain: eth", "chain: arb"))).containsExactly(
                "daos.arbitrum.contracts[2].chain: undeclared chain 'arb'"
                        + " (did you mean 'arb1'? declare it under chains:, or use one of arb1, eth)");
    }

    @Test
    void rejectsANegativeStartBlock() {
        assertThat(fixture.problems(validWith("startBlock: 70398215", "startBlock: -1"))).containsExactly(
                "daos.arbitrum.contracts[0].startBlock: negative startBlock -1"
                        + " (expected the deployment block, a whole number ≥ 0; omit it to have the indexer find the deployment block)");
    }

    @Test
    void rejectsTheSameChainAndAddressTwiceInADaoNamingBothEntries() {
        String yaml = VALID + "      - kind: proxy\n        chain: arb1\n        address: \"" + TOKEN.toLowerCase() + "\"\n";
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.arbitrum.contracts[3].address: duplicate contract arb1:" + TOKEN
                        + ", listed as contracts[0] and contracts[3] (list each (chain, address) once per DAO)");
    }

    @Test
    void acceptsTheSameAddressOnTwoChains() {
        String yaml = VALID + "      - kind: proxy\n        chain: eth\n        address: \"" + TOKEN + "\"\n";
        assertThat(fixture.load(yaml).daos().get(0).contracts()).hasSize(4);
    }

    @Test
    void acceptsTheSameContractInTwoDaos() {
        String yaml = VALID + "  arbitrum-treasury:\n    contracts:\n      - {kind: votes-token, chain: arb1, address: \"" + TOKEN + "\"}\n";
        assertThat(fixture.load(yaml).daos()).extracting(DaoConfig::id).containsExactly("arbitrum", "arbitrum-treasury");
    }

    @Test
    void rejectsTransfersOnAContractThatIsNotAVotesToken() {
        String yaml = validWith("        critical: true\n", "        critical: true\n        transfers: false\n");
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.arbitrum.contracts[2].transfers: transfers on a safe contract (transfers applies only to kind votes-token; remove the key)");
    }

    @Test
    void rejectsADaoWithAnEmptyContractList() {
        String yaml = VALID + "  optimism:\n    contracts: []\n";
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.optimism.contracts: no contracts (list at least one contract, each with kind, chain and address)");
    }

    @Test
    void rejectsADaoWithoutContracts() {
        String yaml = VALID + "  optimism:\n    name: Optimism Collective\n";
        assertThat(fixture.problems(yaml)).containsExactly("daos.optimism.contracts: missing required key 'contracts'"
                + " (list the DAO's contracts under contracts:, each with kind, chain and address)");
    }

    @Test
    void rejectsAMapWhereTheContractListBelongs() {
        String yaml = VALID + "  optimism:\n    contracts: {kind: governor, chain: eth}\n";
        assertThat(fixture.problems(yaml)).containsExactly("daos.optimism.contracts: a map where a list of contracts belongs"
                + " (write each contract as a list item starting with '- kind: …')");
    }

    @Test
    void rejectsAListWhereTheKindBelongs() {
        assertThat(fixture.problems(validWith("kind: governor", "kind: [governor]"))).containsExactly(
                "daos.arbitrum.contracts[1].kind: a list where a single value belongs (expected one of governor, votes-token, safe,"
                        + " timelock, proxy, ownable, access-control, upgrade-executor, council-manager)");
    }

    @Test
    void rejectsAContractThatIsNotAMap() {
        String yaml = VALID + "      - governor\n";
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.arbitrum.contracts[3]: 'governor' where a map belongs (expected a contract with kind, chain and address)");
    }

    @Test
    void rejectsADaoIdThatCannotBeTypedAsAnArgument() {
        String yaml = validWith("  arbitrum:\n", "  arbitrum dao:\n");
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.arbitrum dao: invalid DAO id 'arbitrum dao' (use letters, digits, '-' and '_' (it is what --dao takes))");
    }
}
