package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * An ERC20 transfer (mint from 0x0…0, burn to 0x0…0).
 */
public record Transfer(RawLog log, String from, String to, BigInteger value) implements DecodedEvent {
}
