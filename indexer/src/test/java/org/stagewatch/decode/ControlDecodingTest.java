package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.stagewatch.config.ContractKind.ACCESS_CONTROL;
import static org.stagewatch.config.ContractKind.COUNCIL_MANAGER;
import static org.stagewatch.config.ContractKind.OWNABLE;
import static org.stagewatch.config.ContractKind.PROXY;
import static org.stagewatch.config.ContractKind.UPGRADE_EXECUTOR;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.DEPLOYER;
import static org.stagewatch.decode.RecordedLogs.FRANK;
import static org.stagewatch.decode.RecordedLogs.ZERO;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;
import static org.stagewatch.decode.RecordedLogs.single;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.decode.event.AdminChanged;
import org.stagewatch.decode.event.BeaconUpgraded;
import org.stagewatch.decode.event.CohortReplaced;
import org.stagewatch.decode.event.CouncilMemberAdded;
import org.stagewatch.decode.event.CouncilMemberRemoved;
import org.stagewatch.decode.event.CouncilMemberReplaced;
import org.stagewatch.decode.event.CouncilMemberRotated;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.OwnershipTransferStarted;
import org.stagewatch.decode.event.OwnershipTransferred;
import org.stagewatch.decode.event.RoleAdminChanged;
import org.stagewatch.decode.event.RoleGranted;
import org.stagewatch.decode.event.RoleRevoked;
import org.stagewatch.decode.event.SecurityCouncilAdded;
import org.stagewatch.decode.event.SecurityCouncilRemoved;
import org.stagewatch.decode.event.TargetCallExecuted;
import org.stagewatch.decode.event.UpgradeExecuted;
import org.stagewatch.decode.event.Upgraded;
import org.web3j.crypto.Hash;

/** Proxies, Ownable/Ownable2Step, AccessControl, Arbitrum UpgradeExecutor and SecurityCouncilManager. */
class ControlDecodingTest {

    @Test
    void transparent_beacon_and_uups_proxies_report_implementation_admin_and_beacon() {
        List<DecodedEvent> events = decodeAll(PROXY, "proxy.json");
        assertThat(events).hasSize(5);
        List<Upgraded> upgrades = only(events, Upgraded.class);
        assertThat(upgrades.get(0).implementation()).isNotEqualTo(upgrades.get(1).implementation());
        assertThat(upgrades.get(2).implementation()).isEqualTo(upgrades.get(0).implementation());
        AdminChanged admin = single(events, AdminChanged.class);
        assertThat(admin.previousAdmin()).isEqualTo(ZERO);
        assertThat(admin.newAdmin()).matches("0x[0-9a-f]{40}").isNotEqualTo(ZERO);
        assertThat(single(events, BeaconUpgraded.class).beacon()).matches("0x[0-9a-f]{40}");
    }

    @Test
    void ownable_transfers_and_two_step_handover_decode_and_a_beacons_upgraded_is_not_ownable() {
        List<DecodedEvent> events = decodeAll(OWNABLE, "ownable.json");
        assertThat(load("ownable.json")).hasSize(8);
        assertThat(events).hasSize(6); // the beacon's two Upgraded logs are proxy events
        assertThat(only(events, OwnershipTransferred.class))
                .extracting(OwnershipTransferred::previousOwner, OwnershipTransferred::newOwner)
                .containsExactly(tuple(ZERO, DEPLOYER), tuple(DEPLOYER, ALICE), tuple(ZERO, DEPLOYER),
                        tuple(ZERO, DEPLOYER), tuple(DEPLOYER, BOB));
        assertThat(single(events, OwnershipTransferStarted.class))
                .extracting(OwnershipTransferStarted::previousOwner, OwnershipTransferStarted::newOwner)
                .containsExactly(DEPLOYER, BOB);
    }

    @Test
    void role_grants_revocations_renounce_and_admin_change_decode() {
        List<DecodedEvent> events = decodeAll(ACCESS_CONTROL, "access-control.json");
        String operator = Hash.sha3String("OPERATOR_ROLE");
        String guardian = Hash.sha3String("GUARDIAN_ROLE");
        assertThat(only(events, RoleGranted.class)).extracting(RoleGranted::role, RoleGranted::account, RoleGranted::sender)
                .containsExactly(tuple("0x" + "0".repeat(64), DEPLOYER, DEPLOYER), tuple(operator, ALICE, DEPLOYER),
                        tuple(guardian, BOB, DEPLOYER), tuple(operator, CAROL, BOB));
        assertThat(single(events, RoleAdminChanged.class))
                .extracting(RoleAdminChanged::role, RoleAdminChanged::previousAdminRole, RoleAdminChanged::newAdminRole)
                .containsExactly(operator, "0x" + "0".repeat(64), guardian);
        assertThat(only(events, RoleRevoked.class)).extracting(RoleRevoked::account, RoleRevoked::sender)
                .containsExactly(tuple(ALICE, BOB), tuple(CAROL, CAROL));
    }

    @Test
    void upgrade_executor_roles_upgrades_and_target_calls_decode() {
        List<DecodedEvent> events = decodeAll(UPGRADE_EXECUTOR, "upgrade-executor.json");
        assertThat(events).hasSize(8); // the delegatecalled action's own event is not the executor's
        String executorRole = Hash.sha3String("EXECUTOR_ROLE");
        String adminRole = Hash.sha3String("ADMIN_ROLE");
        assertThat(only(events, RoleAdminChanged.class)).extracting(RoleAdminChanged::role, RoleAdminChanged::newAdminRole)
                .containsExactly(tuple(adminRole, adminRole), tuple(executorRole, adminRole));
        UpgradeExecuted upgrade = single(events, UpgradeExecuted.class);
        assertThat(upgrade.value()).isZero();
        assertThat(upgrade.data()).isEqualTo("0xd097bc0d" + "0".repeat(63) + "1"); // perform(1)
        TargetCallExecuted call = single(events, TargetCallExecuted.class);
        assertThat(call.target()).isEqualTo(upgrade.upgrade());
        assertThat(call.data()).endsWith("2");
        assertThat(only(events, RoleRevoked.class)).extracting(RoleRevoked::role, RoleRevoked::account)
                .containsExactly(tuple(executorRole, ALICE));
    }

    @Test
    void council_cohorts_and_member_changes_decode_with_their_cohort() {
        List<DecodedEvent> events = decodeAll(COUNCIL_MANAGER, "council-manager.json");
        List<CohortReplaced> cohorts = only(events, CohortReplaced.class);
        assertThat(cohorts).extracting(CohortReplaced::cohort).containsExactly(0, 1);
        assertThat(cohorts.get(0).newCohort()).hasSize(6).startsWith(ALICE, BOB, CAROL, DAVE).endsWith(FRANK);
        assertThat(single(events, CouncilMemberRemoved.class))
                .extracting(CouncilMemberRemoved::member, CouncilMemberRemoved::cohort).containsExactly(FRANK, 0);
        assertThat(single(events, CouncilMemberAdded.class).cohort()).isZero();
        CouncilMemberReplaced replaced = single(events, CouncilMemberReplaced.class);
        assertThat(replaced.replacedMember()).isEqualTo(cohorts.get(1).newCohort().get(0));
        assertThat(replaced.cohort()).isEqualTo(1);
        CouncilMemberRotated rotated = single(events, CouncilMemberRotated.class);
        assertThat(rotated.replacedAddress()).isEqualTo(ALICE);
        assertThat(rotated.cohort()).isZero();
        assertThat(single(events, SecurityCouncilAdded.class).securityCouncilsLength()).isEqualTo(BigInteger.ONE);
        assertThat(single(events, SecurityCouncilRemoved.class).securityCouncilsLength()).isZero();
    }
}
