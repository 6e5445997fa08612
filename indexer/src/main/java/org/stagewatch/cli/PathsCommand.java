package org.stagewatch.cli;

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
        description = "Who can change the code: the routes to every permission on critical contracts, with delay, signing keys or "
                + "token-holder voters, and council gating.")
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
            RouteTree.print(System.out, report);
        }
        return 0;
    }
}
