package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * OZ late-quorum protection moved a proposal's deadline (governor clock).
 */
public record ProposalExtended(RawLog log, BigInteger proposalId, BigInteger extendedDeadline) implements DecodedEvent {
}
