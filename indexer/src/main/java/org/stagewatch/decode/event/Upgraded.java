package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * EIP-1967 Upgraded: the proxy (or beacon) now points at {@code implementation}.
 */
public record Upgraded(RawLog log, String implementation) implements DecodedEvent {
}
