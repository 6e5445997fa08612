package org.stagewatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

/**
 * {@code --blocks LIST}: several blocks answered in one process, in the order given — {@code B1,B2,…} or
 * {@code FROM..TO:STEP} (FROM, FROM+STEP, … up to TO; without {@code :STEP}, every block). Each block is answered as
 * {@code --block} answers it; the JSON is one document, {@code {"dao", "blocks", "points": [one document per block]}}.
 */
final class BlockListOption {
    /** The most blocks one call answers. */
    static final int MAX_BLOCKS = 10_000;
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,18})\\.\\.([0-9]{1,18})(?::([0-9]{1,18}))?");
    private static final Pattern BLOCK = Pattern.compile("[0-9]{1,18}");

    @Option(names = "--blocks", paramLabel = "LIST",
            description = "several blocks in one call: 100,200,300 or 100..1000:100 (one JSON document with every block's answer)")
    String blocks;

    boolean given() {
        return blocks != null;
    }

    /** The blocks asked for, checked: null when --blocks was not given. */
    List<Long> parse() {
        return blocks == null ? null : parse(blocks);
    }

    static List<Long> parse(String text) {
        String list = text.strip();
        Matcher range = RANGE.matcher(list);
        List<Long> blocks = new ArrayList<>();
        if (range.matches()) {
            long from = Long.parseLong(range.group(1));
            long to = Long.parseLong(range.group(2));
            long step = range.group(3) == null ? 1 : Long.parseLong(range.group(3));
            if (from > to) {
                throw bad(text, "the range starts after it ends (" + from + " > " + to + ")");
            }
            if (step < 1) {
                throw bad(text, "the step must be at least 1");
            }
            if ((to - from) / step + 1 > MAX_BLOCKS) {
                throw bad(text, "that is more than " + MAX_BLOCKS + " blocks: use a larger step");
            }
            for (long block = from; block <= to; block += step) {
                blocks.add(block);
            }
            return blocks;
        }
        LinkedHashSet<Long> distinct = new LinkedHashSet<>();
        for (String item : list.split(",", -1)) {
            String block = item.strip();
            if (!BLOCK.matcher(block).matches()) {
                throw bad(text, block.isEmpty() ? "an empty item" : "'" + block + "' is not a block number");
            }
            if (!distinct.add(Long.parseLong(block))) {
                throw bad(text, "block " + block + " is listed twice");
            }
        }
        if (distinct.size() > MAX_BLOCKS) {
            throw bad(text, "that is more than " + MAX_BLOCKS + " blocks");
        }
        return List.copyOf(distinct);
    }

    private static UserError bad(String text, String why) {
        return new UserError("--blocks '" + text + "': " + why + "; give B1,B2,… or FROM..TO:STEP (e.g. 100,200,300 or 100..1000:100)");
    }

    /** Refuses --blocks together with --block or --at. */
    void checkAlone(PointInTimeOptions pointInTime) {
        if (blocks != null && (pointInTime.block != null || pointInTime.at != null)) {
            throw new UserError("--blocks lists the blocks itself: leave out --block and --at");
        }
    }

    /** The one JSON document of a --blocks answer. */
    static Map<String, Object> document(String dao, Long chain, List<Long> blocks, List<?> points) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("dao", dao);
        if (chain != null) {
            document.put("chainId", chain);
        }
        document.put("blocks", blocks);
        document.put("points", points);
        return document;
    }

    /** The line that opens one block's section of human output. */
    static String section(long block, int index, int count) {
        return "── block " + block + " (" + (index + 1) + " of " + count + ") ──";
    }
}
