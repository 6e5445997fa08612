package org.stagewatch.analyze;

/** OpenZeppelin's ProposalState, plus UNKNOWN when the store lacks what the rule needs (e.g. quorum). */
public enum ProposalState {
    PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED, UNKNOWN;

    /** The index OZ's {@code state()} returns for this state; -1 for UNKNOWN. */
    public int ordinalOnChain() {
        return this == UNKNOWN ? -1 : ordinal();
    }
}
