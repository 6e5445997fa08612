package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * EIP-1967 AdminChanged: who may upgrade the proxy.
 */
public record AdminChanged(RawLog log, String previousAdmin, String newAdmin) implements DecodedEvent {
}
