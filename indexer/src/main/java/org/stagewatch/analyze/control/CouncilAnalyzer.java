package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.config.ContractKind;
import org.stagewatch.project.ControlRows;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.Store;
import org.stagewatch.store.SyncDao;

/**
 * A DAO's security councils at a point in time: every Safe the config designates (every Safe of the
 * DAO when none is, or when every Safe is asked for), replayed by {@link SafeHistory}, and every council manager's cohorts replayed
 * from its member and cohort events.
 */
public final class CouncilAnalyzer {
    private final Store store;

    public CouncilAnalyzer(Store store) {
        this.store = store;
    }

    public CouncilReport councils(DaoScope dao, ChainPoints points) {
        return councils(dao, points, false);
    }

    /** @param everySafe list every Safe of the DAO, designated or not (each still says whether it is designated) */
    public CouncilReport councils(DaoScope dao, ChainPoints points, boolean everySafe) {
        ControlReadDao rows = store.jdbi().onDemand(ControlReadDao.class);
        Set<Node> designated = rows.declarations(dao.daoId()).stream()
                .filter(declaration -> declaration.declaration().equals(ControlDeclaration.COUNCIL))
                .map(declaration -> new Node(declaration.chainId(), declaration.address())).collect(Collectors.toSet());
        List<CouncilReport.Council> councils = new ArrayList<>();
        for (ContractRow row : dao.ofKind(ContractKind.SAFE)) {
            Node safe = IndexedControl.node(row);
            if (everySafe || designated.isEmpty() || designated.contains(safe)) {
                SafeState state = new SafeHistory(store).at(safe, points.block(row.chainId()));
                councils.add(new CouncilReport.Council(row.chainId(), row.address(), row.label(), designated.contains(safe),
                        state.version(), state.threshold(), state.owners(), state.modules(), state.guard(), state.moduleGuard(),
                        state.history()));
            }
        }
        List<CouncilReport.Manager> managers = dao.ofKind(ContractKind.COUNCIL_MANAGER).stream()
                .map(row -> manager(rows, row, points.block(row.chainId()))).toList();
        return new CouncilReport(dao.daoId(), List.copyOf(points.byChain().values()), councils, managers);
    }

    private CouncilReport.Manager manager(ControlReadDao rows, ContractRow row, long block) {
        Map<Integer, List<String>> cohorts = new TreeMap<>();
        Set<String> safes = new LinkedHashSet<>();
        List<Change> history = new ArrayList<>();
        for (ControlRows.CouncilChange change : rows.councilChanges(row.chainId(), row.address(), block)) {
            List<String> cohort = change.cohort() == null ? null : cohorts.computeIfAbsent(change.cohort(), c -> new ArrayList<>());
            switch (change.change()) {
                case "member_added" -> cohort.add(change.member());
                case "member_removed" -> cohort.remove(change.member());
                case "member_replaced", "member_rotated" -> cohort.replaceAll(member -> member.equals(change.member())
                        ? change.newMember() : member);
                case "cohort_replaced" -> {
                    cohort.clear();
                    cohort.addAll(SafeHistory.addresses(change.members()));
                }
                case "council_added" -> safes.add(change.member());
                case "council_removed" -> safes.remove(change.member());
                default -> throw new IllegalStateException("unknown council change " + change.change());
            }
            history.add(new Change(change.blockNumber(), time(row.chainId(), change.blockNumber()), change.txHash(),
                    change.change() + (change.member() == null ? "" : " " + change.member())
                            + (change.newMember() == null ? "" : " → " + change.newMember())
                            + (change.cohort() == null ? "" : " (cohort " + change.cohort() + ")")));
        }
        return new CouncilReport.Manager(row.chainId(), row.address(), row.label(), cohorts, List.copyOf(safes), history);
    }

    private Long time(long chainId, long block) {
        return store.jdbi().onDemand(SyncDao.class).block(chainId, block).map(BlockHeader::timestamp).orElse(null);
    }
}
