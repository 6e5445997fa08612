package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.VALID;
import static org.stagewatch.config.ConfigFixture.validWith;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys the control analysis reads: chain parents (aliasing), councils, slot reads and message paths. */
class ControlConfigTest {
    private static final String COUNCIL = "0xF06E95eF589D9c38af242a8AAee8375f14023F85";
    private static final String GOVERNOR = "0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9";
    private static final String BRIDGE = "0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a";

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    private static String withPath(String fromChain, String from, String toChain) {
        return VALID + """
                    messagePaths:
                      - label: Outbox
                        fromChain: %s
                        from: "%s"
                        toChain: %s
                        sender: "%s"
                        delaySeconds: 549816
                """.formatted(fromChain, from, toChain, BRIDGE);
    }

    @Test
    void readsParentCouncilSlotIntervalAndMessagePath() {
        String yaml = withPath("arb1", GOVERNOR, "eth")
                .replace("    rpc: https://arb1.example/rpc\n", "    rpc: https://arb1.example/rpc\n    parent: eth\n")
                .replace("        critical: true\n", "        critical: true\n        council: true\n");
        StagewatchConfig config = fixture.load(yaml);
        assertThat(config.chain("arb1").parent()).isEqualTo("eth");
        assertThat(config.chain("eth").parent()).isNull();
        DaoConfig dao = config.dao("arbitrum").orElseThrow();
        assertThat(dao.contracts().get(2).council()).isTrue();
        assertThat(dao.contracts().get(0).council()).isFalse();
        assertThat(dao.messagePaths()).containsExactly(new MessagePath("arb1", GOVERNOR, "eth", BRIDGE, 549816, "Outbox"));
    }

    @Test
    void readsASlotReadIntervalOnAProxy() {
        String yaml = VALID + "      - {kind: proxy, chain: eth, address: \"" + BRIDGE + "\", slotReadInterval: 7200}\n";
        assertThat(fixture.load(yaml).daos().get(0).contracts().get(3).slotReadInterval()).isEqualTo(7200);
    }

    @Test
    void rejectsAParentThatIsNotADeclaredChain() {
        String yaml = validWith("    rpc: https://arb1.example/rpc\n", "    rpc: https://arb1.example/rpc\n    parent: ethh\n");
        assertThat(fixture.problems(yaml)).containsExactly(
                "chains.arb1.parent: undeclared chain 'ethh' (did you mean 'eth'? declare it under chains:, or use one of arb1, eth)");
    }

    @Test
    void rejectsAChainThatIsItsOwnParentAndALoopOfParents() {
        String self = validWith("    rpc: https://arb1.example/rpc\n", "    rpc: https://arb1.example/rpc\n    parent: arb1\n");
        assertThat(fixture.problems(self)).containsExactly(
                "chains.arb1.parent: chain 'arb1' is its own parent (name the L1 it settles on, or remove parent)");
        String loop = validWith("    rpc: https://arb1.example/rpc\n", "    rpc: https://arb1.example/rpc\n    parent: eth\n")
                .replace("    confirmations: 2\n", "    confirmations: 2\n    parent: arb1\n");
        assertThat(fixture.problems(loop)).contains(
                "chains.arb1.parent: parent chains form a loop through 'arb1' (an L2 settles on an L1 that settles elsewhere or nowhere)");
    }

    @Test
    void rejectsACouncilThatIsNotASafe() {
        String yaml = validWith("        address: \"" + GOVERNOR + "\"\n", "        address: \"" + GOVERNOR + "\"\n        council: true\n");
        assertThat(fixture.problems(yaml)).containsExactly("daos.arbitrum.contracts[1].council: council on a governor contract"
                + " (only a Safe can be designated security council: set council: true on the council's kind: safe entry)");
    }

    @Test
    void rejectsASlotReadIntervalOnAContractThatIsNotAProxyOrNotPositive() {
        String onSafe = validWith("        critical: true\n", "        critical: true\n        slotReadInterval: 100\n");
        assertThat(fixture.problems(onSafe)).containsExactly("daos.arbitrum.contracts[2].slotReadInterval: slotReadInterval"
                + " on a safe contract that is not behind a proxy (slotReadInterval applies to kind proxy or a contract with proxy: true;"
                + " add proxy: true if it sits behind an EIP-1967 proxy, else remove the key)");
        String zero = VALID + "      - {kind: proxy, chain: eth, address: \"" + BRIDGE + "\", slotReadInterval: 0}\n";
        assertThat(fixture.problems(zero)).containsExactly("daos.arbitrum.contracts[3].slotReadInterval: non-positive"
                + " slotReadInterval 0 (expected a whole number of blocks > 0 between EIP-1967 slot reads;"
                + " omit it to read only at the start block)");
    }

    @Test
    void readsAContractBehindAProxyWithItsSlotReadInterval() {
        String yaml = validWith("        address: \"" + GOVERNOR + "\"\n",
                "        address: \"" + GOVERNOR + "\"\n        proxy: true\n        slotReadInterval: 50400\n");
        ContractConfig governor = fixture.load(yaml).daos().get(0).contracts().get(1);
        assertThat(governor.kind()).isEqualTo(ContractKind.GOVERNOR);
        assertThat(governor.proxy()).isTrue();
        assertThat(governor.upgradeable()).isTrue();
        assertThat(governor.slotReadInterval()).isEqualTo(50400);
        assertThat(fixture.load(VALID).daos().get(0).contracts()).noneMatch(ContractConfig::proxy);
    }

    @Test
    void rejectsProxyOnAProxyAndAProxyFlagThatIsNotABoolean() {
        String onProxy = VALID + "      - {kind: proxy, chain: eth, address: \"" + BRIDGE + "\", proxy: true}\n";
        assertThat(fixture.problems(onProxy)).containsExactly("daos.arbitrum.contracts[3].proxy: proxy on a proxy contract"
                + " (a kind: proxy contract has its EIP-1967 slots read already; remove the key"
                + " (proxy: true is for a contract of another kind behind a proxy))");
        String notFlag = validWith("        address: \"" + GOVERNOR + "\"\n", "        address: \"" + GOVERNOR + "\"\n        proxy: yes\n");
        assertThat(fixture.problems(notFlag)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("daos.arbitrum.contracts[1].proxy: ").contains("expected true or false"));
    }

    @Test
    void rejectsAMessagePathNamingAnUndeclaredChain() {
        assertThat(fixture.problems(withPath("arbitrum", GOVERNOR, "eth"))).containsExactly(
                "daos.arbitrum.messagePaths[0].fromChain: undeclared chain 'arbitrum' (declare it under chains:, or use one of arb1, eth)");
    }

    @Test
    void rejectsAMessagePathFromAnAddressThatIsNotAContractOfTheDao() {
        assertThat(fixture.problems(withPath("eth", GOVERNOR, "arb1"))).containsExactly(
                "daos.arbitrum.messagePaths[0].from: " + GOVERNOR + " on eth is not a contract of this DAO"
                        + " (list the sending contract (e.g. the L2 timelock) under contracts: so its control is known)");
    }

    @Test
    void rejectsAMessagePathToItsOwnChain() {
        assertThat(fixture.problems(withPath("arb1", GOVERNOR, "arb1"))).containsExactly(
                "daos.arbitrum.messagePaths[0].toChain: a message path from chain 'arb1' to itself"
                        + " (a message path joins two chains: set toChain to the chain the message arrives on)");
    }

    @Test
    void rejectsAMessagePathWithoutDelayOrWithATypo() {
        String yaml = withPath("arb1", GOVERNOR, "eth").replace("delaySeconds: 549816", "delaySecs: 549816");
        assertThat(fixture.problems(yaml)).containsExactly(
                "daos.arbitrum.messagePaths[0].delaySecs: unknown message path key 'delaySecs' (did you mean 'delaySeconds'?)");
    }
}
