package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlGraph;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.PathsAnalyzer;
import org.stagewatch.analyze.control.PathsReport;
import org.stagewatch.analyze.control.SafeHistory;
import org.stagewatch.analyze.control.SafeState;
import org.stagewatch.config.StageConfig;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.StageDao;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * Rates a DAO at a point in time: gathers {@link StageFacts} from the store — the DAO's stage
 * declaration, each designated council's owners and threshold ({@link SafeHistory}), the routes to
 * every critical permission ({@link PathsAnalyzer}), each probe's latest reading — and applies
 * {@link StageRules}.
 */
public final class StageAnalyzer {
    private final Store store;

    public StageAnalyzer(Store store) {
        this.store = store;
    }

    public StageReport rate(DaoScope dao, ChainPoints points) {
        StageVerdict verdict = StageRules.evaluate(facts(dao, points));
        return StageReport.of(dao.daoId(), points.named(dao), List.copyOf(points.byChain().values()), verdict);
    }

    /** The DAO's recorded stage section; an empty one when the config has none (everything declared is then unknown). */
    public StageDeclaration declaration(String daoId) {
        return store.jdbi().onDemand(StageDao.class).stage(daoId).map(StageDeclaration::fromJson).orElse(StageDeclaration.NONE);
    }

    public StageFacts facts(DaoScope dao, ChainPoints points) {
        return facts(dao, points, new PathsAnalyzer(store).graph(dao, points));
    }

    /** The facts over a control graph already built for this DAO and point in time. */
    public StageFacts facts(DaoScope dao, ChainPoints points, ControlGraph graph) {
        StageDeclaration declaration = declaration(dao.daoId());
        StageConfig stage = declaration.stage();
        PathsReport paths = new PathsAnalyzer(store).paths(dao, points, graph);
        List<StageFacts.RouteFacts> routes = new ArrayList<>();
        for (PathsReport.PermissionRoutes permission : paths.permissions()) {
            for (PathsReport.RouteView route : permission.routes()) {
                routes.add(new StageFacts.RouteFacts(permission.chainId(), permission.target(), permission.label(), permission.permission(),
                        route.delaySeconds(), route.keys(), route.needsVote(), route.councilGated(), route.via().stream()
                        .map(hop -> hop.label() + " (" + hop.relation() + ")").reduce((a, b) -> a + " ← " + b).orElse("-")
                        + " ← " + abbreviate(route.gate())));
            }
        }
        return new StageFacts(stage.exitDelay(), councils(dao, points, declaration), paths.permissions().size(), routes,
                stage.assertions(), probes(points, declaration));
    }

    private List<StageFacts.CouncilFacts> councils(DaoScope dao, ChainPoints points, StageDeclaration declaration) {
        List<ControlDeclaration> designated = store.jdbi().onDemand(ControlReadDao.class).declarations(dao.daoId()).stream()
                .filter(row -> row.declaration().equals(ControlDeclaration.COUNCIL)).toList();
        List<StageFacts.CouncilFacts> councils = new ArrayList<>();
        for (ControlDeclaration council : designated) {
            long block = points.block(council.chainId());
            if (block < 0) {
                continue; // its chain has nothing indexed by then
            }
            SafeState safe = new SafeHistory(store).at(new Node(council.chainId(), council.address()), block);
            StageConfig.Council details = declaration.stage().councils().stream()
                    .filter(entry -> declaration.chainId(entry.chain()) == council.chainId()
                            && entry.address().equalsIgnoreCase(council.address())).findFirst().orElse(null);
            String label = dao.contracts().stream().filter(row -> row.chainId() == council.chainId()
                    && row.address().equals(council.address())).map(ContractRow::label).findFirst().orElse(council.label());
            councils.add(new StageFacts.CouncilFacts(council.chainId(), council.address(), label, block, safe.threshold(),
                    safe.owners(), details));
        }
        return councils;
    }

    private List<StageFacts.ProbeFacts> probes(ChainPoints points, StageDeclaration declaration) {
        StateReadDao reads = store.jdbi().onDemand(StateReadDao.class);
        List<StageFacts.ProbeFacts> probes = new ArrayList<>();
        for (StageConfig.Probe probe : declaration.stage().probes()) {
            long chainId = declaration.chainId(probe.chain());
            long block = points.block(chainId);
            Optional<StateRead> reading = block < 0 ? Optional.empty() : reads.latest(chainId, probe.address().toLowerCase(Locale.ROOT),
                    StageDeclaration.probeReading(probe.call()), "", block);
            probes.add(new StageFacts.ProbeFacts(probe, chainId, reading.map(StateRead::value).orElse(null),
                    reading.map(StateRead::blockNumber).orElse(null), block));
        }
        return probes;
    }

    private static String abbreviate(String gate) {
        return gate.length() <= 60 ? gate : gate.substring(0, 59) + "…";
    }
}
