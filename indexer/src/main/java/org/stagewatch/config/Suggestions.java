package org.stagewatch.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a typo was probably meant to be ("strtBlock" → "startBlock"), so a
 * message can say "did you mean …?". Suggests only when the names are close: a wild guess
 * would send the user the wrong way.
 */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(candidate -> distance(typed, candidate) <= tolerance(candidate))
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    /** One edit for short names, up to three for long ones. */
    private static int tolerance(String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 3));
    }

    /** Levenshtein distance, ignoring case: "startblock" is as good as "startBlock" for a hint. */
    static int distance(String left, String right) {
        String a = left.toLowerCase(Locale.ROOT);
        String b = right.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
