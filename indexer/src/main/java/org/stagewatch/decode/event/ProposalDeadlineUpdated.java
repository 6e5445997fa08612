package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Agora: the manager moved a proposal's deadline (governor clock).
 */
public record ProposalDeadlineUpdated(RawLog log, BigInteger proposalId, BigInteger deadline) implements DecodedEvent {
}
