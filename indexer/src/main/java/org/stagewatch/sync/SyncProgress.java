package org.stagewatch.sync;

/** Receives a backfill's progress; the CLI shows it as a bar on a terminal, as log lines elsewhere. */
public interface SyncProgress {
    void started(String chain, long fromBlock, long toBlock);

    /** @param blocksDone blocks covered so far in this run; @param events logs stored so far in this run */
    void advanced(String chain, long blocksDone, long events, long checkpointBlock);

    void finished(BackfillResult result);

    /**
     * How the provider is being asked, beside the next {@link #advanced}: requests in flight and the most the endpoint
     * takes now, the eth_getLogs range in blocks, the configured request rate (0 = none) and the JSON-RPC calls sent so
     * far in this run (each call of a batch counted, as the rate counts them).
     */
    record Requests(int inFlight, int limit, long rangeBlocks, double requestsPerSecond, long calls) {
    }

    default void requests(String chain, Requests requests) {
    }

    /** The run stopped at {@code stoppedAt}, {@code head − stoppedAt} blocks below the head, because of the chain's confirmations. */
    default void heldBack(String chain, long stoppedAt, long head, long confirmations) {
    }

    /** A contract without a configured start block: its deployment block, found with {@code calls} eth_getCode calls. */
    default void deploymentBlockFound(String chain, String label, String address, long block, int calls) {
    }

    SyncProgress NONE = new SyncProgress() {
        @Override
        public void started(String chain, long fromBlock, long toBlock) {
        }

        @Override
        public void advanced(String chain, long blocksDone, long events, long checkpointBlock) {
        }

        @Override
        public void finished(BackfillResult result) {
        }
    };
}
