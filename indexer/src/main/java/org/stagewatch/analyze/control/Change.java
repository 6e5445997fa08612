package org.stagewatch.analyze.control;

/**
 * One entry of a council's or manager's history: where it happened (block, its time in unix seconds
 * when the header is stored, the transaction) and what it did ("owner_added 0x…", "threshold 9",
 * "read at start block: 12 owners" — a reading has no transaction).
 */
public record Change(long block, Long time, String tx, String event) {
}
