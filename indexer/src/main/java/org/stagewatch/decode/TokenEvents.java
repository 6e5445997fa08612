package org.stagewatch.decode;

import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.DelegateChanged;
import org.stagewatch.decode.event.DelegateVotesChanged;
import org.stagewatch.decode.event.Transfer;

/** Maps ERC20Votes / Comp events (identical ABI in OZ v4, v5 and Comp) to records. */
final class TokenEvents {
    private TokenEvents() {
    }

    /** The record for this event, or null when the event is not a votes-token event. */
    static DecodedEvent map(LogValues v) {
        var log = v.log();
        return switch (v.event().name()) {
            case "DelegateChanged" -> new DelegateChanged(log, v.address(0), v.address(1), v.address(2));
            case "DelegateVotesChanged" -> new DelegateVotesChanged(log, v.address(0), v.uint(1), v.uint(2));
            case "Transfer" -> new Transfer(log, v.address(0), v.address(1), v.uint(2));
            default -> null;
        };
    }
}
