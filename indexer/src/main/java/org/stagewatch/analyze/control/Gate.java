package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Who must act for something to happen: an expression over final actors (keys, the token-holder
 * vote, anyone) with k-of-n gates, alternatives and steps. In the graph, {@link Ref} leaves stand for
 * "whoever can act as that node"; the route search replaces them. The factory methods simplify as
 * they build, which keeps one invariant: {@link Nobody} never appears inside another gate, and a
 * gate that no coalition can satisfy is {@link Nobody} itself.
 */
public sealed interface Gate permits Gate.Key, Gate.Anyone, Gate.Nobody, Gate.Vote, Gate.Threshold, Gate.AnyOf,
        Gate.Step, Gate.Ref {

    /** One externally owned key (or an address that is not a configured contract, which is taken as one). */
    record Key(String address) implements Gate {
    }

    /** No key needed: a role granted to address 0 that the contract treats as open (a timelock's EXECUTOR_ROLE). */
    record Anyone() implements Gate {
    }

    /** No coalition can act: a renounced owner, an empty role, or a path that only leads back into itself. */
    record Nobody() implements Gate {
    }

    /**
     * The token-holder vote of a governor: what it needs at the block asked about (quorum, the fewest
     * delegates reaching it, voting delay and period). Its delegates are voters, not keys: no key count
     * includes them.
     */
    record Vote(Node governor, TokenVote need) implements Gate {
    }

    /** {@code k} of the parties must act (k = n: all must). */
    record Threshold(int k, List<Gate> parties) implements Gate {
        public Threshold {
            parties = List.copyOf(parties);
        }
    }

    /** Any one of the options suffices. */
    record AnyOf(List<Gate> options) implements Gate {
        public AnyOf {
            options = List.copyOf(options);
        }
    }

    /** Whoever satisfies {@code actor} acts as {@code hop.node()}. */
    record Step(Hop hop, Gate actor) implements Gate {
    }

    /** Whoever can act as {@code node}; resolved by {@link RouteSearch}. */
    record Ref(Node node) implements Gate {
    }

    Gate NOBODY = new Nobody();
    Gate ANYONE = new Anyone();

    static Gate step(Hop hop, Gate actor) {
        return actor instanceof Nobody ? NOBODY : new Step(hop, actor);
    }

    static Gate anyOf(List<Gate> options) {
        List<Gate> kept = options.stream().filter(option -> !(option instanceof Nobody)).toList();
        if (kept.isEmpty()) {
            return NOBODY;
        }
        return kept.size() == 1 ? kept.get(0) : new AnyOf(kept);
    }

    /** k of the parties; parties that need no one (anyone, no delay) fill slots for free. */
    static Gate threshold(int k, List<Gate> parties) {
        List<Gate> kept = new ArrayList<>();
        int needed = k;
        for (Gate party : parties) {
            if (isFree(party)) {
                needed--;
            } else if (!(party instanceof Nobody)) {
                kept.add(party);
            }
        }
        if (needed <= 0) {
            return ANYONE;
        }
        if (kept.size() < needed) {
            return NOBODY;
        }
        return needed == 1 && kept.size() == 1 ? kept.get(0) : new Threshold(needed, kept);
    }

    static Gate all(List<Gate> parties) {
        return threshold(parties.size(), parties);
    }

    /** Whether some coalition satisfying the gate may include a vote. */
    static boolean hasVote(Gate gate) {
        return switch (gate) {
            case Vote vote -> true;
            case Step step -> hasVote(step.actor());
            case AnyOf any -> any.options().stream().anyMatch(Gate::hasVote);
            case Threshold threshold -> threshold.parties().stream().anyMatch(Gate::hasVote);
            default -> false;
        };
    }

    /** The gate for coalitions that win no vote: every vote replaced by nobody. */
    static Gate withoutVotes(Gate gate) {
        return switch (gate) {
            case Vote vote -> NOBODY;
            case Step step -> step(step.hop(), withoutVotes(step.actor()));
            case AnyOf any -> anyOf(any.options().stream().map(Gate::withoutVotes).toList());
            case Threshold threshold -> threshold(threshold.k(), threshold.parties().stream().map(Gate::withoutVotes).toList());
            default -> gate;
        };
    }

    /**
     * The gate for coalitions that win at least one vote: a k-of-n gate becomes, for each party that can
     * hold a vote, that party through a vote together with k − 1 of the others.
     */
    static Gate throughVote(Gate gate) {
        return switch (gate) {
            case Vote vote -> vote;
            case Step step -> step(step.hop(), throughVote(step.actor()));
            case AnyOf any -> anyOf(any.options().stream().map(Gate::throughVote).toList());
            case Threshold threshold -> {
                List<Gate> options = new ArrayList<>();
                for (int i = 0; i < threshold.parties().size(); i++) {
                    Gate party = threshold.parties().get(i);
                    if (hasVote(party)) {
                        List<Gate> others = new ArrayList<>(threshold.parties());
                        others.remove(i);
                        options.add(all(List.of(throughVote(party), threshold(threshold.k() - 1, others))));
                    }
                }
                yield anyOf(options);
            }
            default -> NOBODY;
        };
    }

    /** Satisfied by no one in particular and at once: anyone, possibly behind steps without delay. */
    static boolean isFree(Gate gate) {
        return gate instanceof Anyone || gate instanceof Step step && step.hop().delaySeconds() == 0 && isFree(step.actor());
    }
}
