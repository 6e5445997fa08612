package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A vote. GovernorAlpha's bool support maps to 1 (for) / 0 (against) with reason "".
 *
 * @param support 0 against, 1 for, 2 abstain; 255 with fractional counting (split in {@code params})
 * @param params  null for VoteCast, 0x-hex for VoteCastWithParams (fractional: packed uint128 against, for, abstain)
 */
public record VoteCast(RawLog log, String voter, BigInteger proposalId, int support, BigInteger weight,
        String reason, String params) implements DecodedEvent {
}
