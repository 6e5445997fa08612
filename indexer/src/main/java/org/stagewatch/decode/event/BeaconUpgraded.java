package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * EIP-1967 BeaconUpgraded: the proxy now follows {@code beacon}.
 */
public record BeaconUpgraded(RawLog log, String beacon) implements DecodedEvent {
}
