package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A proposal canceled.
 */
public record ProposalCanceled(RawLog log, BigInteger proposalId) implements DecodedEvent {
}
