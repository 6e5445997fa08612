package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * A log whose topic0 and topic count match an event of its emitter's kind but whose payload does
 * not decode (data too short, offsets or lengths out of range, dirty padding). Never swallowed:
 * it means a wrong ABI or a corrupt log, and the message says exactly which log to look at.
 */
public final class DecodeException extends RuntimeException {
    private final transient RawLog log;

    public DecodeException(RawLog log, AbiEvent event, String problem) {
        super("cannot decode " + event.describe() + " at " + location(log) + ": " + problem);
        this.log = log;
    }

    public RawLog log() {
        return log;
    }

    /** "chain 42161 block 123 tx 0x… logIndex 4 address 0x…". */
    static String location(RawLog log) {
        return "chain " + log.chainId() + " block " + log.blockNumber() + " tx " + log.txHash() + " logIndex "
                + log.logIndex() + " address " + log.address();
    }
}
