package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.store.ContractRow;

/** A contract declared behind a proxy is watched twice: as its kind, and as a proxy (its events, its slot reads). */
class ChainPlanTest {
    private static final String GOVERNOR = "0x0000000000000000000000000000000000000002";
    /** keccak256("AdminChanged(address,address)"), as shared/reference/events.md quotes it. */
    private static final String ADMIN_CHANGED = "0x7e644d79422f17c01e4894b5f4f588d331ebfa28653d42ae832dc59e38c9798f";
    private static final String CONFIG = """
            chains:
              devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
            daos:
              demo:
                contracts:
                  - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001", startBlock: 5 }
                  - { kind: governor, chain: devnet, address: "%s", startBlock: 7%s }
            """;

    private static ChainPlan plan(String governorKeys) {
        StagewatchConfig config = ConfigLoader.parse(CONFIG.formatted(GOVERNOR, governorKeys), Path.of("test.yml"), Map.of());
        return ChainPlan.of(config).get(0);
    }

    @Test
    void shouldWatchAContractBehindAProxyAsItsKindAndAsAProxyAtItsSlotReadInterval() {
        ChainPlan plan = plan(", proxy: true, slotReadInterval: 100");
        assertThat(plan.watched(GOVERNOR)).containsExactly(new ChainPlan.Watched(GOVERNOR, ContractKind.GOVERNOR, 7, false, 0),
                new ChainPlan.Watched(GOVERNOR, ContractKind.PROXY, 7, false, 100));
        assertThat(plan.topics(EventDecoder.standard())).contains(ADMIN_CHANGED);
        // its slot reads are scheduled on the grid start + k · interval, headers fetched with the range
        assertThat(ProbeReader.scheduled(plan, 0, 300)).contains(7L, 107L, 207L);
    }

    @Test
    void shouldWatchAContractNotBehindAProxyOnlyAsItsKind() {
        ChainPlan plan = plan("");
        assertThat(plan.watched(GOVERNOR)).containsExactly(new ChainPlan.Watched(GOVERNOR, ContractKind.GOVERNOR, 7, false, 0));
        assertThat(plan.topics(EventDecoder.standard())).doesNotContain(ADMIN_CHANGED);
    }

    @Test
    void shouldReprojectARecordedContractBehindAProxyAsTheSyncWatchedIt() {
        List<ContractRow> recorded = List.of(new ContractRow("demo", 31337, GOVERNOR, "governor", "Governor", 7, false, false, true));
        assertThat(Reprojector.plan(31337, recorded).watched(GOVERNOR)).extracting(ChainPlan.Watched::kind)
                .containsExactly(ContractKind.GOVERNOR, ContractKind.PROXY);
    }
}
