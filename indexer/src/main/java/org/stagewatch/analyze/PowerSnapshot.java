package org.stagewatch.analyze;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stagewatch.store.PowerQueries;

/**
 * The positive powers of every delegate at one block, sorted descending, read as {@value #PARTITIONS}
 * address ranges (by the first hex digit) on as many connections as there are cores: each delegate
 * costs an index seek, and seeks on separate connections run side by side. Powers of labeled addresses
 * are kept by address as well, for regrouping by entity.
 */
final class PowerSnapshot {
    static final int PARTITIONS = 16;

    final PowerArray sorted;
    final Map<String, BigInteger> labeled;

    private PowerSnapshot(PowerArray sorted, Map<String, BigInteger> labeled) {
        this.sorted = sorted;
        this.labeled = labeled;
    }

    static PowerSnapshot read(PowerQueries queries, long chainId, String token, long block, Labels labels) {
        Map<String, BigInteger> labeled = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<PowerArray>> parts = new ArrayList<>();
            for (int digit = 0; digit < PARTITIONS; digit++) {
                String low = "0x" + Character.forDigit(digit, 16);
                // the last range is open-ended ("0xg" sorts after every lower-case hex address)
                String high = digit == PARTITIONS - 1 ? "0xg" : "0x" + Character.forDigit(digit + 1, 16);
                parts.add(pool.submit(() -> part(queries, chainId, token, block, low, high, labels, labeled)));
            }
            PowerArray sorted = new PowerArray(1);
            PowerArray none = new PowerArray(1);
            for (Future<PowerArray> part : parts) {
                sorted = PowerArray.replace(sorted, none, part.get());
            }
            return new PowerSnapshot(sorted, labeled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading powers", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static PowerArray part(PowerQueries queries, long chainId, String token, long block, String low, String high,
                                   Labels labels, Map<String, BigInteger> labeled) {
        PowerArray powers = new PowerArray(1 << 14);
        queries.powersAt(chainId, token, block, low, high, row -> {
            int comma = row.indexOf(',');
            if (comma < 0 || row.length() == comma + 2 && row.charAt(comma + 1) == '0') {
                return; // no checkpoint by then, or zero power
            }
            powers.addDecimal(row, comma + 1, row.length());
            if (labels != null && labels.entityOf().containsKey(row.substring(0, comma))) {
                labeled.put(row.substring(0, comma), new BigInteger(row.substring(comma + 1)));
            }
        });
        powers.sortDescending();
        return powers;
    }
}
