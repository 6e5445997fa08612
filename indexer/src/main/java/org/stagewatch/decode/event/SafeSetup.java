package org.stagewatch.decode.event;

import java.math.BigInteger;
import java.util.List;
import org.stagewatch.chain.RawLog;

/**
 * A Safe (v1.3+) was set up; its initial owners appear only here, never as OwnerAdded.
 */
public record SafeSetup(RawLog log, String initiator, List<String> owners, BigInteger threshold, String initializer,
        String fallbackHandler) implements DecodedEvent {
    public SafeSetup {
        owners = List.copyOf(owners);
    }
}
