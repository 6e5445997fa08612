package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.decode.RecordedLogs.DEPLOYER;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.ERIN;
import static org.stagewatch.decode.RecordedLogs.FRANK;
import static org.stagewatch.decode.RecordedLogs.ANVIL_CHAIN_ID;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.Store;

/**
 * The control projectors on logs recorded from real contracts (logs/README.md; the recording script is
 * contracts-abi/fixtures-recorder/record.mjs), stored and read back as the analysis reads them: what
 * each script did must be what the replayed state says.
 */
class RecordedControlTest {

    @TempDir
    Path dir;

    private Store index(ContractKind kind, String file) {
        return RecordedIndex.of(dir.resolve(file + ".db"), kind, file);
    }

    private static Node node(String address) {
        return new Node(ANVIL_CHAIN_ID, address);
    }

    @Test
    void shouldReplayTimelockDelaysRolesAndOperations() {
        Store store = index(ContractKind.TIMELOCK, "timelock-oz.json");
        List<String> timelocks = RecordedIndex.emitters("timelock-oz.json");
        Node first = node(timelocks.get(0));
        Node next = node(timelocks.get(1));
        String governor = RecordedIndex.emitters("governor-oz-v5.json").get(0);
        ControlFacts facts = new ControlFacts(store);

        assertThat(facts.minDelay(first, Long.MAX_VALUE)).isEqualTo(60);
        assertThat(facts.minDelay(next, Long.MAX_VALUE)).as("updateDelay(120) executed through itself").isEqualTo(120);
        RoleState roles = facts.roles(first, Long.MAX_VALUE);
        assertThat(roles.holders(RoleState.id("PROPOSER_ROLE"))).containsExactly(governor);
        assertThat(roles.holders(RoleState.id("EXECUTOR_ROLE"))).containsExactly(Node.ZERO);
        assertThat(roles.adminHolders(RoleState.id("PROPOSER_ROLE"))).as("the deployer renounced; the timelock administers itself")
                .containsExactly(first.address());
        List<String> changes = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT change FROM timelock_operations WHERE timelock = :timelock ORDER BY block_number, log_index")
                .bind("timelock", next.address()).mapTo(String.class).list());
        assertThat(changes).containsExactly("scheduled", "salt", "cancelled", "scheduled", "executed");

        ControlGraph graph = new ControlGraphBuilder().contract(first, "timelock", "Timelock")
                .timelock(first, 60, roles.holders(RoleState.id("PROPOSER_ROLE")), roles.adminHolders(RoleState.id("PROPOSER_ROLE")),
                        roles.holders(RoleState.id("EXECUTOR_ROLE")), List.of()).graph();
        assertThat(new RouteSearch(graph).routes(new Gate.Ref(first))).singleElement().satisfies(route -> {
            assertThat(route.gate()).isEqualTo(new Gate.Key(governor));
            assertThat(route.delaySeconds()).isEqualTo(60);
        });
    }

    @Test
    void shouldReplayACompoundTimelocksDelayAndAdmin() {
        Store store = index(ContractKind.TIMELOCK, "timelock-compound.json");
        Node timelock = node(RecordedIndex.emitters("timelock-compound.json").get(0));
        ControlFacts facts = new ControlFacts(store);
        assertThat(facts.minDelay(timelock, Long.MAX_VALUE)).as("setDelay(259200) executed through itself").isEqualTo(259_200);
        assertThat(facts.owner(timelock, Long.MAX_VALUE)).as("alice accepted the pending admin role").isEqualTo(ALICE);
        assertThat(facts.roles(timelock, Long.MAX_VALUE).isEmpty()).isTrue();
    }

    @Test
    void shouldReplayProxyAdminsBeaconsAndOwners() {
        Store proxies = index(ContractKind.PROXY, "proxy.json");
        Store owned = index(ContractKind.OWNABLE, "ownable.json");
        List<String> proxy = RecordedIndex.emitters("proxy.json");        // transparent, beacon proxy, UUPS
        List<String> ownable = RecordedIndex.emitters("ownable.json");    // ProxyAdmin, beacon, Ownable2Step
        ControlFacts proxyFacts = new ControlFacts(proxies);
        ControlFacts ownerFacts = new ControlFacts(owned);

        assertThat(proxyFacts.proxyValue(node(proxy.get(0)), "admin_changed", ControlReadings.ADMIN_SLOT, Long.MAX_VALUE))
                .isEqualTo(ownable.get(0));
        assertThat(proxyFacts.proxyValue(node(proxy.get(1)), "beacon_upgraded", ControlReadings.BEACON_SLOT, Long.MAX_VALUE))
                .isEqualTo(ownable.get(1));
        assertThat(proxyFacts.proxyValue(node(proxy.get(2)), "admin_changed", ControlReadings.ADMIN_SLOT, Long.MAX_VALUE))
                .as("a UUPS proxy has no admin").isNull();
        assertThat(ownerFacts.owner(node(ownable.get(0)), Long.MAX_VALUE)).isEqualTo(ALICE);
        assertThat(ownerFacts.owner(node(ownable.get(1)), Long.MAX_VALUE)).isEqualTo(DEPLOYER);
        assertThat(ownerFacts.owner(node(ownable.get(2)), Long.MAX_VALUE)).as("bob accepted the two-step transfer").isEqualTo(BOB);
    }

    @Test
    void shouldReplayRolesWithAChangedAdminRole() {
        Store store = index(ContractKind.ACCESS_CONTROL, "access-control.json");
        RoleState roles = new ControlFacts(store).roles(node(RecordedIndex.emitters("access-control.json").get(0)), Long.MAX_VALUE);
        String operator = RoleState.id("OPERATOR_ROLE");
        assertThat(roles.holders(operator)).as("alice revoked, carol renounced").isEmpty();
        assertThat(roles.holders(RoleState.id("GUARDIAN_ROLE"))).containsExactly(BOB);
        assertThat(roles.adminHolders(operator)).as("GUARDIAN_ROLE administers OPERATOR_ROLE").containsExactly(BOB);
    }

    @Test
    void shouldReplayExecutorRolesAndCalls() {
        Store store = index(ContractKind.UPGRADE_EXECUTOR, "upgrade-executor.json");
        Node executor = node(RecordedIndex.emitters("upgrade-executor.json").get(0));
        assertThat(new ControlFacts(store).roles(executor, Long.MAX_VALUE).holders(RoleState.id("EXECUTOR_ROLE"))).containsExactly(BOB);
        List<String> calls = store.jdbi().withHandle(handle -> handle.createQuery("SELECT change FROM executor_calls ORDER BY block_number")
                .mapTo(String.class).list());
        assertThat(calls).containsExactly("upgrade", "call");
    }

    @Test
    void shouldReplayCouncilCohortsAndMemberChanges() {
        Store store = index(ContractKind.COUNCIL_MANAGER, "council-manager.json");
        String manager = RecordedIndex.emitters("council-manager.json").get(0);
        DaoScope dao = new DaoScope("arbitrum", List.of(new ContractRow("arbitrum", ANVIL_CHAIN_ID, manager, "council-manager", "Manager", 0,
                false, false)));
        CouncilReport report = new CouncilAnalyzer(store).councils(dao,
                new ChainPoints(Map.of(ANVIL_CHAIN_ID, new ChainPoints.Point(ANVIL_CHAIN_ID, Long.MAX_VALUE, 0L))));

        CouncilReport.Manager replayed = report.managers().get(0);
        assertThat(replayed.cohorts().get(0)).hasSize(6).contains(BOB, CAROL, DAVE, ERIN).doesNotContain(ALICE, FRANK);
        assertThat(replayed.cohorts().get(1)).hasSize(6);
        assertThat(replayed.councils()).as("added, then removed").isEmpty();
        assertThat(replayed.history()).extracting(Change::event).first().asString().startsWith("cohort_replaced");
        assertThat(replayed.history()).hasSize(8);
    }
}
