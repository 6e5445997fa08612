package org.stagewatch.analyze.power;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

import org.stagewatch.store.PowerRows;

/**
 * The running state of one ordered pass over a token's checkpoints: every delegate's current power, in a
 * flat limb array indexed by its dense id (no hashing per checkpoint), and, as of the last sample, the
 * positive powers in descending order. A sample does not sort a million powers again: it sorts only the
 * powers that changed since the previous sample and merges them in (old sorted − their previous values +
 * their new values), which is linear in n.
 */
public final class PowerBook {
    private static final int LIMBS = PowerArray.LIMBS;

    /** Ids of the addresses the caller asked about (labeled ones), for {@link #powerOf}. */
    private final Map<String, Integer> ids;
    private long[] current;
    private boolean[] dirty;
    private int[] changed = new int[1 << 12];
    private int changedCount;
    /** The positive powers changed ids had at the last sample: what leaves the sorted array. */
    private final PowerArray before = new PowerArray(1 << 12);
    /** The positive powers changed ids have now: what enters it. */
    private final PowerArray after = new PowerArray(1 << 12);
    /** The last sample; never written again once returned, so callers may keep it while the pass goes on. */
    private PowerArray sorted = new PowerArray(16);

    /** @param delegateIds every id applied is below this (more are taken as they come, at a cost) */
    public PowerBook(int delegateIds, Map<String, Integer> ids) {
        this.ids = ids;
        current = new long[Math.max(1, delegateIds) * LIMBS];
        dirty = new boolean[Math.max(1, delegateIds)];
    }

    /** Applies row {@code index} of a batch: its delegate's power is now the row's. */
    public void apply(PowerRows rows, int index) {
        int id = rows.ids[index];
        if (id >= dirty.length) {
            dirty = Arrays.copyOf(dirty, Math.max(id + 1, dirty.length * 2));
            current = Arrays.copyOf(current, dirty.length * LIMBS);
        }
        int at = id * LIMBS;
        long[] now = current;
        if (!dirty[id]) {
            dirty[id] = true;
            if ((now[at] | now[at + 1] | now[at + 2] | now[at + 3]) != 0) {
                before.addLimbs(now, at);
            }
            if (changedCount == changed.length) {
                changed = Arrays.copyOf(changed, changed.length * 2);
            }
            changed[changedCount++] = id;
        }
        int from = index * LIMBS;
        long[] limbs = rows.limbs;
        now[at] = limbs[from];
        now[at + 1] = limbs[from + 1];
        now[at + 2] = limbs[from + 2];
        now[at + 3] = limbs[from + 3];
    }

    /**
     * The positive powers now, in descending order: a new array each time (the merge writes into it), which
     * the book only reads afterwards — a series hands it to another thread as it is, without a copy.
     */
    public PowerArray sample() {
        after.clear();
        after.ensureCapacity(changedCount);
        long[] now = current;
        for (int i = 0; i < changedCount; i++) {
            int id = changed[i];
            dirty[id] = false;
            int at = id * LIMBS;
            if ((now[at] | now[at + 1] | now[at + 2] | now[at + 3]) != 0) {
                after.addLimbs(now, at);
            }
        }
        changedCount = 0;
        before.sortDescending();
        after.sortDescending();
        sorted = PowerArray.replace(sorted, before, after);
        before.clear();
        return sorted;
    }

    /** The current power of one of the addresses asked about (null if it is no delegate yet), for regrouping by entity. */
    public BigInteger powerOf(String delegate) {
        Integer id = ids.get(delegate);
        if (id == null || id >= dirty.length) {
            return null;
        }
        PowerArray one = new PowerArray(1);
        one.addLimbs(current, id * LIMBS);
        return one.get(0);
    }
}
