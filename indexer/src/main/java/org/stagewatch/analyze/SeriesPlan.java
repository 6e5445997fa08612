package org.stagewatch.analyze;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * Where a time series samples: every N blocks, or every N days/hours (each instant mapped to the last
 * indexed block at or before it), from {@code from} (default: the token's start block) to {@code to}
 * (default: the indexed head). Bounds are block numbers or ISO-8601 instants/dates.
 */
public record SeriesPlan(String every, String from, String to) {
    static final int MAX_SAMPLES = 100_000;
    private static final Pattern STEP = Pattern.compile("([1-9][0-9]{0,9})(blocks|d|h)");

    /** One sample: the block whose state is measured and, for time steps, the instant asked for. */
    public record Sample(long block, Instant at) {
    }

    /** Checks {@code --every} alone, before anything is opened. */
    public void validate() {
        if (every == null || !STEP.matcher(every).matches()) {
            throw new AnalyzeException("--every '%s' is not a step: use <N>blocks (e.g. 50000blocks), <N>d (e.g. 1d, 7d) or <N>h"
                    .formatted(every));
        }
    }

    public List<Sample> samples(Store store, ContractRow token) {
        validate();
        long chainId = token.chainId();
        Checkpoint head = store.withSync(sync -> sync.checkpoint(chainId)).orElseThrow(() -> new AnalyzeException(
                "chain %d has not been indexed into %s yet: run stagewatch index first".formatted(chainId, store.database().location())));
        long first = bound(store, chainId, from, "--from", token.startBlock(), head);
        long last = bound(store, chainId, to, "--to", head.blockNumber(), head);
        if (first > last) {
            throw new AnalyzeException("--from (block %d) is after --to (block %d)".formatted(first, last));
        }
        Matcher step = STEP.matcher(every);
        step.matches();
        long n = Long.parseLong(step.group(1));
        List<Sample> samples = new ArrayList<>();
        if (step.group(2).equals("blocks")) {
            for (long block = first; block <= last; block += n) {
                checkCount(samples.size());
                samples.add(new Sample(block, null));
            }
            return samples;
        }
        Duration stride = step.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        Instant start = Instant.ofEpochSecond(header(store, chainId, first).timestamp());
        Instant end = Instant.ofEpochSecond(header(store, chainId, last).timestamp());
        for (Instant at = start; !at.isAfter(end); at = at.plus(stride)) {
            checkCount(samples.size());
            long seconds = at.getEpochSecond();
            long block = store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, seconds)).map(BlockHeader::number)
                    .orElse(first);
            samples.add(new Sample(Math.max(first, Math.min(block, last)), at));
        }
        return samples;
    }

    private static void checkCount(int count) {
        if (count >= MAX_SAMPLES) {
            throw new AnalyzeException("the series would have more than %,d samples: use a larger --every or a shorter --from/--to"
                    .formatted(MAX_SAMPLES));
        }
    }

    private static long bound(Store store, long chainId, String text, String option, long fallback, Checkpoint head) {
        if (text == null) {
            return Math.min(fallback, head.blockNumber());
        }
        if (text.matches("[0-9]+")) {
            long block = Long.parseLong(text);
            if (block > head.blockNumber()) {
                throw new BeyondHeadException(chainId, head.blockNumber(), "%s %d is beyond the indexed head of chain %d (block %d); index further or pick an earlier block"
                        .formatted(option, block, chainId, head.blockNumber()));
            }
            return block;
        }
        Instant instant = Instants.parse(text, option, ", nor a block number");
        return store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, instant.getEpochSecond())).map(BlockHeader::number)
                .orElseThrow(() -> new AnalyzeException("%s %s is before the first indexed block of chain %d".formatted(option, text, chainId)));
    }

    private static BlockHeader header(Store store, long chainId, long block) {
        return store.withSync(sync -> sync.blockAtOrBefore(chainId, block)).orElseThrow(() ->
                new AnalyzeException("no indexed block of chain %d at or before %d".formatted(chainId, block)));
    }
}
