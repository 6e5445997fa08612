package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A proposal executed.
 */
public record ProposalExecuted(RawLog log, BigInteger proposalId) implements DecodedEvent {
}
