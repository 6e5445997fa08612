package org.stagewatch.analyze;

import java.util.HashMap;
import java.util.Map;

/**
 * The running state of one ordered pass over a token's checkpoints: every delegate's current power
 * and, as of the last sample, the positive powers in descending order. A sample does not sort a
 * million powers again: it sorts only the powers that changed since the previous sample and merges
 * them in (old sorted − their previous values + their new values), which is linear in n.
 */
final class PowerBook {
    private final Map<String, Integer> slots = new HashMap<>();
    private final PowerArray current = new PowerArray(1 << 16);
    /** Power of each slot when it was first changed after the last sample (valid where dirty). */
    private final PowerArray atLastSample = new PowerArray(1 << 16);
    private boolean[] dirty = new boolean[1 << 16];
    private int[] changed = new int[1 << 12];
    private int changedCount;
    private PowerArray sorted = new PowerArray(16);
    /** The previous sorted array, reused for the next merge: a sample then allocates nothing of size n. */
    private PowerArray spare = new PowerArray(16);

    /** Records that {@code delegate}'s power is now {@code newVotes} (decimal text, as stored). */
    void set(String delegate, String newVotes) {
        set(delegate, newVotes, 0);
    }

    /** The same, with the power in {@code text} from {@code start} on (saves a substring per checkpoint). */
    void set(String delegate, String text, int start) {
        Integer slot = slots.get(delegate);
        if (slot == null) {
            slot = slots.size();
            slots.put(delegate, slot);
            current.addDecimal("0");
            atLastSample.addDecimal("0");
            if (slot >= dirty.length) {
                dirty = java.util.Arrays.copyOf(dirty, dirty.length * 2);
            }
        }
        if (!dirty[slot]) {
            dirty[slot] = true;
            atLastSample.copy(slot, current, slot);
            if (changedCount == changed.length) {
                changed = java.util.Arrays.copyOf(changed, changed.length * 2);
            }
            changed[changedCount++] = slot;
        }
        current.setDecimal(slot, text, start, text.length());
    }

    /** The positive powers now, in descending order (owned by the book: read it before the next change). */
    PowerArray sample() {
        PowerArray removed = new PowerArray(changedCount);
        PowerArray added = new PowerArray(changedCount);
        for (int i = 0; i < changedCount; i++) {
            int slot = changed[i];
            dirty[slot] = false;
            if (!atLastSample.isZero(slot)) {
                removed.addFrom(atLastSample, slot);
            }
            if (!current.isZero(slot)) {
                added.addFrom(current, slot);
            }
        }
        changedCount = 0;
        removed.sortDescending();
        added.sortDescending();
        PowerArray merged = PowerArray.replace(sorted, removed, added, spare);
        spare = sorted;
        sorted = merged;
        return sorted;
    }

    /** The current power of one delegate (null if never seen), for regrouping by entity. */
    java.math.BigInteger powerOf(String delegate) {
        Integer slot = slots.get(delegate);
        return slot == null ? null : current.get(slot);
    }
}
