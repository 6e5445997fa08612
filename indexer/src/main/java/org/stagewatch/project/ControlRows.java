package org.stagewatch.project;

/**
 * The rows the control projectors produce (V2__control.sql): append-only facts keyed by log position
 * (chain, block, logIndex), addresses lower case, uint256 values decimal strings. State at a block is
 * the last fact at or before it, so nothing here is ever updated and a rollback is a DELETE.
 */
public final class ControlRows {
    private ControlRows() {
    }

    /** change: setup, owner_added, owner_removed, threshold, module_enabled, module_disabled, guard, module_guard. */
    public record SafeChange(long chainId, String safe, String change, String account, String threshold, String owners,
                             String encoding, long blockNumber, int logIndex, String txHash) {
    }

    /** change: granted, revoked (account, sender), admin_changed (account = new admin role, sender = previous). */
    public record RoleChange(long chainId, String contract, String change, String role, String account, String sender,
                             long blockNumber, int logIndex, String txHash) {
    }

    /** change: transferred, transfer_started; Compound timelock: admin, pending_admin. */
    public record OwnershipChange(long chainId, String contract, String change, String previousOwner, String newOwner,
                                  long blockNumber, int logIndex, String txHash) {
    }

    /** change: upgraded (newValue = implementation), admin_changed, beacon_upgraded. */
    public record ProxyChange(long chainId, String proxy, String change, String previousValue, String newValue,
                              long blockNumber, int logIndex, String txHash) {
    }

    /** A timelock's delay in seconds from this log on; oldDelay is null for Compound's NewDelay. */
    public record TimelockDelay(long chainId, String timelock, String oldDelay, String newDelay,
                                long blockNumber, int logIndex, String txHash) {
    }

    /** change: scheduled, executed, cancelled, salt (OZ); queued, executed, cancelled (Compound, with eta). */
    public record TimelockOperation(long chainId, String timelock, String operationId, String callIndex, String change,
                                    String target, String value, String signature, String data, String predecessor,
                                    String delay, String eta, long blockNumber, int logIndex, String txHash) {
    }

    /** change: upgrade (UpgradeExecuted, target = the action), call (TargetCallExecuted). */
    public record ExecutorCall(long chainId, String executor, String change, String target, String value, String data,
                               long blockNumber, int logIndex, String txHash) {
    }

    /** change: member_added, member_removed, member_replaced, member_rotated, cohort_replaced, council_added, council_removed. */
    public record CouncilChange(long chainId, String manager, String change, String member, String newMember,
                                Integer cohort, String members, long blockNumber, int logIndex, String txHash) {
    }
}
