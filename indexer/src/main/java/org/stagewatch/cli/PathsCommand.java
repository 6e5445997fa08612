package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.PathsAnalyzer;
import org.stagewatch.analyze.control.PathsReport;
import org.stagewatch.query.Answers;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch paths}: every route to every permission on the DAO's critical contracts, at a point in time. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "Who can change the code: the routes to every permission on critical contracts, with delay, keys and council gating.")
final class PathsCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--dot", description = "print the control graph as Graphviz DOT (pipe into: dot -Tsvg)")
    boolean dot;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Override
    public Integer call() {
        if (json && dot) {
            throw new UserError("give either --json or --dot, not both");
        }
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        ChainPoints points = point.resolve(store, scope);
        PathsAnalyzer analyzer = new PathsAnalyzer(store);
        if (dot) {
            Set<Node> critical = scope.contracts().stream().filter(ContractRow::critical)
                    .map(row -> new Node(row.chainId(), row.address())).collect(Collectors.toSet());
            DotRenderer.render(System.out, dao, points, analyzer.graph(scope, points), critical);
            return 0;
        }
        PathsReport report = Answers.paths(store, scope, points);
        if (json) {
            Output.json(System.out, report);
        } else {
            print(System.out, report);
        }
        return 0;
    }

    static void print(PrintStream out, PathsReport report) {
        out.printf("DAO '%s' at %s%n", report.dao(), report.at().stream()
                .map(point -> "chain " + point.chainId() + " block " + point.block()).collect(Collectors.joining(", ")));
        report.councils().forEach(council -> out.printf("council: %s (chain %d, %s) %d of %d%n", council.label(),
                council.chainId(), council.address(), council.threshold(), council.signers()));
        if (report.permissions().isEmpty()) {
            out.println("no critical contracts: mark them critical: true in the config");
        }
        for (PathsReport.PermissionRoutes permission : report.permissions()) {
            out.printf("%n%s %s (chain %d, %s): %d routes, min keys %s, min delay %s%n", permission.label(), permission.permission(),
                    permission.chainId(), permission.target(), permission.routes().size(), text(permission.minKeys()),
                    permission.minDelaySeconds() == null ? "-" : Durations.of(permission.minDelaySeconds()));
            PathsReport.RouteView open = permission.fastestNonCouncilRoute();
            out.println(open == null ? "every route is council-gated"
                    : "fastest route not council-gated: " + Durations.of(open.delaySeconds()) + ", " + open.keys() + " keys");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("#", "delay", "keys", "council", "via", "gate"));
            for (int i = 0; i < permission.routes().size(); i++) {
                PathsReport.RouteView route = permission.routes().get(i);
                rows.add(List.of(Integer.toString(i + 1), Durations.of(route.delaySeconds()), Integer.toString(route.keys()),
                        route.councilGated() ? "gated" : "-", route.via().stream().map(hop -> hop.label() + " (" + hop.relation()
                                + ")").collect(Collectors.joining(" ← ")), abbreviate(route.gate())));
            }
            Output.table(out, rows);
        }
    }

    private static String text(Integer value) {
        return value == null ? "-" : value.toString();
    }

    private static String abbreviate(String gate) {
        return gate.length() <= 80 ? gate : gate.substring(0, 79) + "…";
    }
}
