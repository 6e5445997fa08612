package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A proposal queued in its timelock; {@code eta} is when it becomes executable (seconds).
 */
public record ProposalQueued(RawLog log, BigInteger proposalId, BigInteger eta) implements DecodedEvent {
}
