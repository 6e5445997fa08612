package org.stagewatch.store;

/**
 * A batch of voting-power checkpoints in log order, decoded into primitive arrays: the block, the
 * delegate's dense id ({@code delegates.delegate_id}) and the new power as four little-endian limbs.
 * Batches cross from the reading thread to the applying one; a batch handed on is not touched again.
 */
public final class PowerRows {
    public static final int CAPACITY = 8192;

    public final long[] blocks = new long[CAPACITY];
    public final int[] ids = new int[CAPACITY];
    public final long[] limbs = new long[CAPACITY * PowerCodec.LIMBS];
    public int size;

    boolean isFull() {
        return size == CAPACITY;
    }

    /** Appends a row; its power goes into {@code limbs} at the returned offset, which the caller fills. */
    int add(long block, int id) {
        blocks[size] = block;
        ids[size] = id;
        return size++ * PowerCodec.LIMBS;
    }
}
