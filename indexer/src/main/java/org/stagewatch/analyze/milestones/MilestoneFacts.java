package org.stagewatch.analyze.milestones;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.stage.StageVerdict;
import org.stagewatch.config.MilestoneCheck;

/**
 * The facts milestone checks read at one point in time, each derived by the analysis that owns it (stage
 * rules, the control graph and its routes, concentration metrics, the equalizer, indexed governance and
 * council events, probe readings). An empty answer means the fact is not known then (its chain not
 * indexed yet, never read): the check is unknown. An interface so {@link CheckEvaluator} can be tested
 * without a database.
 */
public interface MilestoneFacts {

    /** One permission in a route check's scope, with every route to it. */
    record ScopedPermission(long chainId, String target, String label, String permission, List<Route> routes, boolean truncated) {
        public ScopedPermission {
            routes = List.copyOf(routes);
        }
    }

    /** A value read at a block of a chain, with where it lives. */
    record Reading<T>(T value, long chainId, String address, long block) {
    }

    /** The stage verdict at the point in time. */
    StageVerdict stage();

    /** The chain id of a chain key of the declaration. */
    long chainId(String chainKey);

    /** The block the point in time stands at on a chain (-1: nothing of it indexed by then). */
    long block(long chainId);

    /** A contract's label, or its address. */
    String label(long chainId, String address);

    /** The permissions a route check covers; empty when the contract's chain is not indexed by then. */
    Optional<List<ScopedPermission>> permissions(MilestoneCheck.RouteCheck scope);

    /**
     * An ownable's or Compound timelock's owner, or the EIP-1967 admin of a proxy or of another contract behind one
     * (lower case; 0x0 when renounced); empty when unknown.
     */
    Optional<Reading<String>> owner(long chainId, String address);

    /** Whether {@link #owner} answers with the contract's EIP-1967 admin rather than an owner. */
    default boolean readsAdmin(long chainId, String address) {
        return false;
    }

    /** Holders of a role (lower case); empty when the contract's chain is not indexed by then. */
    Optional<Reading<Set<String>>> roleHolders(long chainId, String address, String role);

    /** A voting-power metric or equalizer dimension; empty when it cannot be computed (with no token, no power). */
    Optional<Reading<BigDecimal>> metric(String name);

    /**
     * How many events of {@code count} happened by the point in time, within the last {@code windowDays} when
     * not null; empty when none of the contracts that emit them is indexed by then.
     */
    Optional<Reading<Long>> activity(String count, Long windowDays);

    /** A probe's latest reading by the point in time, as stored ("no code", "unavailable: …" included); empty when never read. */
    Optional<Reading<String>> probe(MilestoneCheck.ProbeCheck probe);
}
