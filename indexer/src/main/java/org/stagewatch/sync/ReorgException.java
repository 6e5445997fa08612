package org.stagewatch.sync;

import org.stagewatch.chain.RawLog;
import org.stagewatch.store.BlockHeader;

/** The chain no longer contains a block Stagewatch indexed (or the RPC contradicts itself): find the fork point. */
final class ReorgException extends RuntimeException {
    final long chainId;

    ReorgException(long chainId, long previousNumber, String previousHash, BlockHeader next) {
        super("block %d's parent is %s, but block %d was %s".formatted(next.number(), next.parentHash(),
                previousNumber, previousHash));
        this.chainId = chainId;
    }

    ReorgException(long chainId, RawLog log, BlockHeader header) {
        super("log %d of block %d has block hash %s, but the block's hash is now %s".formatted(log.logIndex(),
                log.blockNumber(), log.blockHash(), header.hash()));
        this.chainId = chainId;
    }
}
