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
     * The token-holder vote of a governor. {@code delegates} are the fewest delegates whose power reaches
     * the quorum at the block asked about (the keys of the vote); {@code duration} is voting delay + period
     * in the governor's clock, e.g. "22 blocks", kept apart from enforced delays.
     */
    record Vote(Node governor, List<String> delegates, String duration) implements Gate {
        public Vote {
            delegates = List.copyOf(delegates);
        }
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

    /** Satisfied by no one in particular and at once: anyone, possibly behind steps without delay. */
    static boolean isFree(Gate gate) {
        return gate instanceof Anyone || gate instanceof Step step && step.hop().delaySeconds() == 0 && isFree(step.actor());
    }
}
