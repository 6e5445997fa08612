package org.stagewatch.analyze.stage;

import java.util.List;
import java.util.Map;

import org.stagewatch.config.StageConfig;

/**
 * Everything the stage rules read, gathered at one point in time: the declared exit delay, each
 * designated council as the chain had it, every route to every permission on a critical contract,
 * the assertions, and each probe's latest reading. Pure data, so {@link StageRules} can be tested
 * without a database.
 *
 * @param criticalPermissions how many permissions the critical contracts have (0: none is marked critical)
 */
public record StageFacts(List<StageConfig.ExitDelay> exitDelay, List<CouncilFacts> councils, int criticalPermissions,
                         List<RouteFacts> routes, Map<String, StageConfig.Assertion> assertions, List<ProbeFacts> probes) {
    public StageFacts {
        exitDelay = List.copyOf(exitDelay);
        councils = List.copyOf(councils);
        routes = List.copyOf(routes);
        assertions = Map.copyOf(assertions);
        probes = List.copyOf(probes);
    }

    public long exitDelaySeconds() {
        return exitDelay.stream().mapToLong(StageConfig.ExitDelay::seconds).sum();
    }

    /**
     * A designated council Safe at the point in time.
     *
     * @param owners  lower-case signer addresses
     * @param details what the config says about its members (null when it says nothing)
     */
    public record CouncilFacts(long chainId, String address, String label, long block, int threshold, List<String> owners,
                               StageConfig.Council details) {
        public CouncilFacts {
            owners = List.copyOf(owners);
        }
    }

    /**
     * One route to a permission on a critical contract ({@code via}: the contracts acted as, outwards).
     *
     * @param keys      the fewest signing keys (on a vote route, those needed besides the vote)
     * @param needsVote every coalition on the route wins a token-holder vote (its voters are in {@code via}'s gate)
     */
    public record RouteFacts(long chainId, String target, String label, String permission, long delaySeconds, int keys,
                             boolean needsVote, boolean councilGated, String via) {
        /** A route that signing keys alone exercise. */
        public RouteFacts(long chainId, String target, String label, String permission, long delaySeconds, int keys,
                          boolean councilGated, String via) {
            this(chainId, target, label, permission, delaySeconds, keys, false, councilGated, via);
        }
    }

    /**
     * A probe and its latest reading at or before the point in time.
     *
     * @param value the stored result, "no code", "unavailable: …", or null when never read by then
     * @param block the reading's block (null when never read)
     * @param asked the block of the probe's chain the point in time stands at (-1: nothing of that chain indexed by then)
     */
    public record ProbeFacts(StageConfig.Probe probe, long chainId, String value, Long block, long asked) {
    }
}
