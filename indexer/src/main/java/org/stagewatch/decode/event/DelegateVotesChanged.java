package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A delegate's voting power changed; {@code newVotes} is the power from this log on.
 */
public record DelegateVotesChanged(RawLog log, String delegate, BigInteger previousVotes, BigInteger newVotes
        ) implements DecodedEvent {
}
