package org.stagewatch.chain;

import java.util.OptionalLong;

/**
 * The provider refused an eth_getLogs range as too wide or too many results. Carries the range size the provider
 * suggested and the result cap it named, when its message says them, and which of the two it caps.
 */
public class RangeTooLargeException extends RpcException {
    private final OptionalLong suggestedBlocks;
    private final RangeErrors.Limit limit;
    private final OptionalLong resultCap;

    public RangeTooLargeException(String message, OptionalLong suggestedBlocks) {
        this(message, suggestedBlocks, RangeErrors.Limit.RESULTS, OptionalLong.empty());
    }

    public RangeTooLargeException(String message, OptionalLong suggestedBlocks, RangeErrors.Limit limit, OptionalLong resultCap) {
        super(message);
        this.suggestedBlocks = suggestedBlocks;
        this.limit = limit;
        this.resultCap = resultCap;
    }

    public OptionalLong suggestedBlocks() {
        return suggestedBlocks;
    }

    public RangeErrors.Limit limit() {
        return limit;
    }

    public OptionalLong resultCap() {
        return resultCap;
    }
}
