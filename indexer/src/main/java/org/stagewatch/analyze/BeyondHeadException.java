package org.stagewatch.analyze;

/**
 * A question about a block the index has not reached: the store cannot know what happened there yet.
 * Carries the chain and its indexed head, so a caller can say how far the index goes.
 */
public class BeyondHeadException extends AnalyzeException {
    private final long chainId;
    private final long head;

    public BeyondHeadException(long chainId, long head, String message) {
        super(message);
        this.chainId = chainId;
        this.head = head;
    }

    public long chainId() {
        return chainId;
    }

    /** The last indexed block of {@link #chainId()}. */
    public long head() {
        return head;
    }
}
