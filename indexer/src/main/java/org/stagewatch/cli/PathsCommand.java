package org.stagewatch.cli;

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
import org.stagewatch.report.TokenUnits;
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

    @Mixin
    BlockListOption blockList;

    @Override
    public Integer call() {
        if (json && dot) {
            throw new UserError("give either --json or --dot, not both");
        }
        if (dot && blockList.given()) {
            throw new UserError("--dot draws the graph at one point: give --block N instead of --blocks");
        }
        blockList.checkAlone(point.pointInTime);
        List<Long> blocks = blockList.parse();
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        if (blocks != null) {
            List<PathsReport> reports = new ArrayList<>();
            for (long block : blocks) {
                reports.add(Answers.paths(store, scope, point.resolve(store, scope, block)));
            }
            if (json) {
                Output.json(System.out, BlockListOption.document(dao, point.chain, blocks, reports));
            } else {
                for (int i = 0; i < reports.size(); i++) {
                    System.out.println((i == 0 ? "" : "\n") + BlockListOption.section(blocks.get(i), i, blocks.size()));
                    RouteTree.print(System.out, reports.get(i), new TokenUnits.Book(store));
                }
            }
            return 0;
        }
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
            RouteTree.print(System.out, report, new TokenUnits.Book(store));
        }
        return 0;
    }
}
