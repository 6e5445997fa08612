package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.store.Store;

/**
 * Answers "who can change the code, with how many signing keys or voters, how fast" for one DAO at one
 * point in time: builds the control graph from the store and searches the routes of every critical
 * permission. Keys and voters are never mixed: {@code minKeys} is over the routes that need no vote,
 * {@code minVoters} over the vote routes, and it stays null with a note rather than rest on an unknown quorum.
 */
public final class PathsAnalyzer {
    private static final Comparator<Route> FASTEST_THEN_FEWEST_VOTERS = Comparator.comparingLong(Route::delaySeconds)
            .thenComparing(Route::voters, Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(Route::keys)
            .thenComparing(route -> route.via().size());

    private final Store store;

    public PathsAnalyzer(Store store) {
        this.store = store;
    }

    public ControlGraph graph(DaoScope dao, ChainPoints points) {
        return new IndexedControl(store).graph(dao, points);
    }

    public PathsReport paths(DaoScope dao, ChainPoints points) {
        return paths(dao, points, graph(dao, points));
    }

    /** The routes over a graph already built for this DAO and point in time. */
    public PathsReport paths(DaoScope dao, ChainPoints points, ControlGraph graph) {
        List<PathsReport.PermissionRoutes> permissions = new ArrayList<>();
        for (ControlGraph.Permission permission : graph.permissions()) {
            RouteSearch search = new RouteSearch(graph);
            List<Route> routes = search.routes(permission.gate());
            List<Route> keyRoutes = routes.stream().filter(route -> !route.needsVote()).toList();
            List<Route> voteRoutes = routes.stream().filter(Route::needsVote).toList();
            Optional<String> unknown = voteRoutes.stream().filter(route -> route.voters() == null)
                    .flatMap(route -> route.votes().stream()).filter(vote -> vote.need().quorum() == null)
                    .map(vote -> vote.need().note()).findFirst();
            Integer minVoters = unknown.isPresent() ? null
                    : voteRoutes.stream().map(Route::voters).filter(voters -> voters != null).min(Comparator.naturalOrder()).orElse(null);
            String votersNote = unknown.orElse(minVoters != null || voteRoutes.isEmpty() ? null
                    : voteRoutes.stream().flatMap(route -> route.votes().stream()).map(vote -> vote.need().note())
                    .filter(note -> note != null).findFirst().orElse("no vote route can be won"));
            permissions.add(new PathsReport.PermissionRoutes(permission.target().chainId(), permission.target().address(),
                    graph.label(permission.target()), permission.name(),
                    keyRoutes.stream().map(Route::keys).min(Comparator.naturalOrder()).orElse(null), minVoters, votersNote,
                    routes.stream().map(Route::delaySeconds).min(Comparator.naturalOrder()).orElse(null),
                    view(keyRoutes.stream().min(Route.FASTEST_THEN_FEWEST_KEYS)),
                    view(voteRoutes.stream().min(FASTEST_THEN_FEWEST_VOTERS)),
                    view(routes.stream().filter(route -> !route.councilGated()).min(Route.FASTEST_THEN_FEWEST_KEYS)),
                    search.truncated(), routes.stream().map(PathsReport.RouteView::of).toList()));
        }
        return new PathsReport(dao.daoId(), List.copyOf(points.byChain().values()), councils(graph), permissions);
    }

    private static PathsReport.RouteView view(Optional<Route> route) {
        return route.map(PathsReport.RouteView::of).orElse(null);
    }

    private static List<PathsReport.CouncilSummary> councils(ControlGraph graph) {
        List<PathsReport.CouncilSummary> councils = new ArrayList<>();
        for (ControlGraph.Council council : graph.councils().values()) {
            councils.add(new PathsReport.CouncilSummary(council.safe().chainId(), council.safe().address(),
                    graph.label(council.safe()), council.threshold(), council.signers().size()));
        }
        return councils;
    }
}
