package org.stagewatch.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Plans and casts the votes of one proposal: who votes, which way, and through which of the three
 * vote functions (plain, with a reason, with a reason and params). Owns the guarantee that a plan
 * reaches the outcome the scenario intends, by flipping or adding the heaviest voters when the
 * random draw fell short — the draw decides the texture, the guarantee decides the result.
 */
final class Ballots {
    static final int AGAINST = 0;
    static final int FOR = 1;
    static final int ABSTAIN = 2;
    private static final String[] REASONS = {
        "Reviewed the code and the audit; looks right.",
        "The forum discussion was too short for a change of this size.",
        "Aligned with the roadmap the delegates agreed on.",
        "No strong view; abstaining so quorum reflects participation.",
        "Security council should sign off first.",
        "Voting as my delegators asked in the community call.",
    };
    private static final String PARAMS = Numeric.toHexString("stagewatch-devnet".getBytes(StandardCharsets.UTF_8));

    private final Random random;
    private final Map<String, BigInteger> power;
    private final BigInteger quorum;

    /** @param power voting power at the proposals' snapshot, by voter, heaviest first or in any fixed order */
    Ballots(Random random, Map<String, BigInteger> power, BigInteger quorum) {
        this.random = random;
        this.power = power;
        this.quorum = quorum;
    }

    /** Each voter takes part with probability {@code turnout}, choosing for/against/abstain with the given weights. */
    Map<String, Integer> draw(double turnout, double forWeight, double againstWeight) {
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (String voter : power.keySet()) {
            if (random.nextDouble() < turnout) {
                double side = random.nextDouble();
                plan.put(voter, side < forWeight ? FOR : side < forWeight + againstWeight ? AGAINST : ABSTAIN);
            }
        }
        return plan;
    }

    /** Adjusts {@code plan} until For beats Against and For + Abstain reach quorum (OZ's simple counting). */
    Map<String, Integer> ensurePasses(Map<String, Integer> plan) {
        while (sum(plan, FOR).compareTo(sum(plan, AGAINST)) <= 0) {
            plan.put(heaviest(plan, AGAINST), FOR);
        }
        while (sum(plan, FOR).add(sum(plan, ABSTAIN)).compareTo(quorum) < 0) {
            String absent = power.keySet().stream().filter(v -> !plan.containsKey(v))
                    .max(Comparator.comparing(power::get))
                    .orElseThrow(() -> new DevnetException("all delegated power together is below quorum " + quorum));
            plan.put(absent, FOR);
        }
        return plan;
    }

    /** Adjusts {@code plan} until Against beats For. */
    Map<String, Integer> ensureFails(Map<String, Integer> plan) {
        while (sum(plan, AGAINST).compareTo(sum(plan, FOR)) <= 0) {
            plan.put(heaviest(plan, FOR), AGAINST);
        }
        return plan;
    }

    BigInteger sum(Map<String, Integer> plan, int support) {
        return plan.entrySet().stream().filter(e -> e.getValue() == support)
                .map(e -> power.get(e.getKey())).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Queues one vote per planned voter, each through a randomly chosen vote function. */
    void cast(Transactor tx, String governor, BigInteger proposalId, Map<String, Integer> plan,
              Map<String, Credentials> keys, String title) {
        plan.forEach((voter, support) -> {
            double how = random.nextDouble();
            String reason = REASONS[random.nextInt(REASONS.length)];
            String data = how < 0.4
                    ? Abi.call("castVote", Abi.uint(proposalId), new Uint8(support))
                    : how < 0.85
                    ? Abi.call("castVoteWithReason", Abi.uint(proposalId), new Uint8(support), Abi.string(reason))
                    : Abi.call("castVoteWithReasonAndParams", Abi.uint(proposalId), new Uint8(support),
                            Abi.string(reason), Abi.bytes(PARAMS));
            tx.send(keys.get(voter), governor, data, 400_000, "vote " + support + " on '" + title + "'");
        });
    }

    List<String> lightest(int count) {
        return power.keySet().stream().sorted(Comparator.comparing(power::get)).limit(count).toList();
    }

    List<String> heaviestFirst() {
        return power.keySet().stream().sorted(Comparator.comparing(power::get).reversed()).toList();
    }

    private String heaviest(Map<String, Integer> plan, int support) {
        return plan.entrySet().stream().filter(e -> e.getValue() == support).map(Map.Entry::getKey)
                .max(Comparator.comparing(power::get)).orElseThrow();
    }
}
