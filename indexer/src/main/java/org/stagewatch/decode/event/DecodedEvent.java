package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * A log decoded into the typed record of its event; projectors switch over these exhaustively.
 * Addresses are lower-case 0x-hex, uint256 values BigInteger, bytes and bytes32 0x-hex strings.
 */
public sealed interface DecodedEvent permits
        ProposalCreated,
        ProposalQueued,
        ProposalExecuted,
        ProposalCanceled,
        ProposalExtended,
        ProposalDeadlineUpdated,
        ProposalTypeUpdated,
        VoteCast,
        GovernorSettingChanged,
        TimelockChange,
        VotableSupplyUpdated,
        DelegateChanged,
        DelegateVotesChanged,
        Transfer,
        SafeSetup,
        OwnerAdded,
        OwnerRemoved,
        ThresholdChanged,
        ModuleEnabled,
        ModuleDisabled,
        GuardChanged,
        SafeExecution,
        SafeModuleExecution,
        CallScheduled,
        CallExecuted,
        CallSalt,
        OperationCancelled,
        MinDelayChanged,
        TimelockTransaction,
        TimelockAdminChanged,
        Upgraded,
        AdminChanged,
        BeaconUpgraded,
        OwnershipTransferred,
        OwnershipTransferStarted,
        RoleGranted,
        RoleRevoked,
        RoleAdminChanged,
        UpgradeExecuted,
        TargetCallExecuted,
        CouncilMemberAdded,
        CouncilMemberRemoved,
        CouncilMemberReplaced,
        CouncilMemberRotated,
        CohortReplaced,
        SecurityCouncilAdded,
        SecurityCouncilRemoved {

    /** The raw log this was decoded from (chain, block, tx, logIndex, emitter). */
    RawLog log();
}
