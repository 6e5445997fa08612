package org.stagewatch.decode;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A proposal executed.
 */
public record ProposalExecuted(RawLog log, BigInteger proposalId) implements DecodedEvent {
}
