package org.stagewatch.analyze.stage;

import java.util.Comparator;
import java.util.Optional;

/**
 * The exit window users get (reference/stages.md): the smallest route delay minus the exit delay,
 * over routes that are not council-gated, or over all routes when every one is; floored at 0, where
 * it is "none". Rated none / bad (< 7 d) / warning (< 30 d) / good (≥ 30 d); null and "n/a" when no
 * route to a critical permission exists.
 *
 * @param route the route that sets it
 */
public record ExitWindow(Long seconds, String rating, StageFacts.RouteFacts route, long exitDelaySeconds) {

    public static ExitWindow of(StageFacts facts) {
        Comparator<StageFacts.RouteFacts> fastest = Comparator.comparingLong(StageFacts.RouteFacts::delaySeconds);
        Optional<StageFacts.RouteFacts> route = facts.routes().stream().filter(candidate -> !candidate.councilGated()).min(fastest)
                .or(() -> facts.routes().stream().min(fastest));
        if (route.isEmpty()) {
            return new ExitWindow(null, "n/a", null, facts.exitDelaySeconds());
        }
        long window = Math.max(0, route.get().delaySeconds() - facts.exitDelaySeconds());
        return new ExitWindow(window, rating(window), route.get(), facts.exitDelaySeconds());
    }

    public static String rating(long seconds) {
        if (seconds <= 0) {
            return "none";
        }
        return seconds < StageRules.SEVEN_DAYS ? "bad" : seconds < StageRules.THIRTY_DAYS ? "warning" : "good";
    }

    String describe() {
        if (seconds == null) {
            return "n/a: no route to a critical permission";
        }
        return seconds + " s (" + rating + "), set by " + route.label() + " " + route.permission() + (route.councilGated()
                ? " (every route is council-gated)" : "");
    }
}
