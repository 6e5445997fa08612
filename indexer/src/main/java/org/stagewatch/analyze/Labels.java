package org.stagewatch.analyze;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.stagewatch.analyze.power.PowerArray;
import org.stagewatch.config.Addresses;

/**
 * An address → entity label file (CSV: {@code address,entity}, an optional header line, {@code #}
 * comments): one entity may hold many addresses, and metrics per entity merge their power. Unlabeled
 * addresses stay entities of their own. Every bad row is reported with its file and line.
 */
public record Labels(Path source, Map<String, String> entityOf) {

    public static Labels load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AnalyzeException("labels file %s cannot be read: %s".formatted(file, e.getMessage()));
        }
        Map<String, String> entityOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("address,"))) {
                continue;
            }
            String where = "%s:%d: ".formatted(file, i + 1);
            int comma = line.indexOf(',');
            if (comma < 0) {
                problems.add(where + "expected 'address,entity', got '" + line + "'");
                continue;
            }
            String address = line.substring(0, comma).strip().replace("\"", "");
            String entity = line.substring(comma + 1).strip().replace("\"", "");
            String problem = addressProblem(address);
            if (problem != null) {
                problems.add(where + problem);
            } else if (entity.isEmpty()) {
                problems.add(where + "address " + address + " has an empty entity name");
            } else {
                String key = address.toLowerCase(Locale.ROOT);
                String earlier = entityOf.putIfAbsent(key, entity);
                if (earlier != null && !earlier.equals(entity)) {
                    problems.add(where + "address " + address + " is labeled '" + entity + "' here and '" + earlier + "' above");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AnalyzeException("labels file " + file + " has " + problems.size() + " bad row(s):\n  "
                    + String.join("\n  ", problems));
        }
        return new Labels(file, entityOf);
    }

    /** What is wrong with an address (the config's own check, EIP-55 included), or null. */
    private static String addressProblem(String address) {
        try {
            Addresses.checksummed(address);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public int entities() {
        return (int) entityOf.values().stream().distinct().count();
    }

    /**
     * The descending powers with each entity's addresses merged into one power: the labeled
     * addresses' powers are taken out of {@code sorted} and their per-entity sums put in.
     */
    PowerArray regroup(PowerArray sorted, Function<String, BigInteger> powerOf) {
        Map<String, BigInteger> sums = new HashMap<>();
        List<BigInteger> removed = new ArrayList<>();
        entityOf.forEach((address, entity) -> {
            BigInteger power = powerOf.apply(address);
            if (power != null && power.signum() > 0) {
                removed.add(power);
                sums.merge(entity, power, BigInteger::add);
            }
        });
        PowerArray out = PowerArray.of(removed);
        out.sortDescending();
        PowerArray added = PowerArray.of(sums.values());
        added.sortDescending();
        return PowerArray.replace(sorted, out, added);
    }
}
