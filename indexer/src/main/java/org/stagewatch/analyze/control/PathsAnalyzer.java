package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.store.Store;

/**
 * Answers "who can change the code, with how many keys, how fast" for one DAO at one point in time:
 * builds the control graph from the store and searches the routes of every critical permission.
 */
public final class PathsAnalyzer {
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
            List<Route> routes = new RouteSearch(graph).routes(permission.gate());
            Route fastestOpen = routes.stream().filter(route -> !route.councilGated())
                    .min(Route.FASTEST_THEN_FEWEST_KEYS).orElse(null);
            permissions.add(new PathsReport.PermissionRoutes(permission.target().chainId(), permission.target().address(),
                    graph.label(permission.target()), permission.name(),
                    routes.stream().map(Route::keys).min(Comparator.naturalOrder()).orElse(null),
                    routes.stream().map(Route::delaySeconds).min(Comparator.naturalOrder()).orElse(null),
                    fastestOpen == null ? null : PathsReport.RouteView.of(fastestOpen),
                    routes.size() >= RouteSearch.MAX_ROUTES, routes.stream().map(PathsReport.RouteView::of).toList()));
        }
        return new PathsReport(dao.daoId(), List.copyOf(points.byChain().values()), councils(graph), permissions);
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
