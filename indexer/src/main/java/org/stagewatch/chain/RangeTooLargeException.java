package org.stagewatch.chain;

import java.util.OptionalLong;

/**
 * The provider refused an eth_getLogs range as too wide or too many results. Carries the range
 * size the provider suggested, when its message names one.
 */
public class RangeTooLargeException extends RpcException {
    private final OptionalLong suggestedBlocks;

    public RangeTooLargeException(String message, OptionalLong suggestedBlocks) {
        super(message);
        this.suggestedBlocks = suggestedBlocks;
    }

    public OptionalLong suggestedBlocks() {
        return suggestedBlocks;
    }
}
