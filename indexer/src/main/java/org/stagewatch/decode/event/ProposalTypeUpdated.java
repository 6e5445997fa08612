package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Agora: the manager changed a proposal's type (quorum and approval threshold come from the type).
 */
public record ProposalTypeUpdated(RawLog log, BigInteger proposalId, int proposalType) implements DecodedEvent {
}
