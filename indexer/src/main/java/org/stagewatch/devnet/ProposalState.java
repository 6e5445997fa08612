package org.stagewatch.devnet;

/** OpenZeppelin's {@code IGovernor.ProposalState}, in the same order, so {@code state()}'s uint8 maps by ordinal. */
public enum ProposalState {
    PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED;

    public static ProposalState ofOrdinal(int ordinal) {
        return values()[ordinal];
    }
}
