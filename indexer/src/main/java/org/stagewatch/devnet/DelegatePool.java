package org.stagewatch.devnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The delegates holders choose from: public delegates first, then delegates holding no tokens.
 * Popularity follows Zipf's law (the k-th is chosen with weight 1/k), so voting power ends up as
 * concentrated as in real DAOs.
 */
final class DelegatePool {
    private final List<String> delegates;
    private final Random random;

    DelegatePool(List<String> delegates, Random random) {
        this.delegates = List.copyOf(delegates);
        this.random = random;
    }

    /** A delegate other than {@code except} (null: any). */
    String pick(String except) {
        List<String> pool = new ArrayList<>(delegates);
        pool.remove(except);
        double total = 0;
        for (int k = 0; k < pool.size(); k++) {
            total += 1.0 / (k + 1);
        }
        double target = random.nextDouble() * total;
        for (int k = 0; k < pool.size(); k++) {
            target -= 1.0 / (k + 1);
            if (target <= 0) {
                return pool.get(k);
            }
        }
        return pool.get(pool.size() - 1);
    }
}
