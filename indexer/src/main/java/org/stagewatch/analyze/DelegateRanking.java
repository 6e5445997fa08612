package org.stagewatch.analyze;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.stagewatch.analyze.power.Shares;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.TokenDao;
import org.stagewatch.store.Store;

/**
 * Delegates of a DAO's votes token at a block, ranked by voting power (exact), with share of the
 * delegated total T, the number of delegators pointing at them, how many of the DAO's proposals
 * created by then they voted on, and their participation: the share of the last {@code window}
 * proposals that were open for voting by then (not Pending, not canceled before voting began) they voted on.
 */
public final class DelegateRanking {
    private final Store store;

    public DelegateRanking(Store store) {
        this.store = store;
    }

    /**
     * One ranked delegate. {@code share} = power / T (34 significant digits); {@code participation} =
     * votedInWindow / window (null with an empty window); {@code entity} from a label file, if given.
     */
    public record Delegate(int rank, String address, BigInteger power, BigDecimal share, long delegators,
                           long proposalsVoted, long votedInWindow, BigDecimal participation, String entity) {
    }

    /** The ranking plus its denominators; {@code window} = proposals in the participation window. */
    /** @param timestamp the block's own time, null when unknown; {@code timeNote} says why, or what the block stands for */
    public record Ranking(String dao, long chainId, String token, long block, Long timestamp, String timeNote,
                          BigInteger totalVotingPower, int delegates, int proposals, int window, List<Delegate> top) {
    }

    public Ranking rank(DaoScope dao, Long block, Instant at, int topK) {
        return rank(dao, block, at, topK, 10, null);
    }

    public Ranking rank(DaoScope dao, Long block, Instant at, int topK, int windowSize, Labels labels) {
        ContractRow token = dao.token();
        PointInTime point = PointInTime.resolve(store, token.chainId(), block, at);
        long chainId = token.chainId();
        List<PowerQueries.DelegatePower> powers = new PowerQueries(store.database()).powersAt(chainId, token.address(), point.block());
        Map<String, Long> delegators = store.jdbi().withExtension(TokenDao.class,
                        tokens -> tokens.delegatorCountsAt(chainId, token.address(), point.block()))
                .stream().collect(Collectors.toMap(TokenDao.DelegatorCount::delegate, TokenDao.DelegatorCount::delegators));
        List<ProposalSummary> proposals = new ProposalAnalyzer(store).proposals(dao, point.block(), null);
        Map<String, Long> voted = proposalsVotedBy(dao, chainId, point.block(), null);
        List<String> window = ParticipationWindow.last(store, proposals, point.block(), windowSize);
        Map<String, Long> votedInWindow = window.isEmpty() ? Map.of() : proposalsVotedBy(dao, chainId, point.block(), window);
        List<Map.Entry<String, BigInteger>> sorted = powers.stream()
                .map(power -> Map.entry(power.delegate(), power.power()))
                .sorted(Map.Entry.<String, BigInteger>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        BigInteger total = sorted.stream().map(Map.Entry::getValue).reduce(BigInteger.ZERO, BigInteger::add);
        List<Delegate> top = new ArrayList<>();
        for (int i = 0; i < Math.min(topK, sorted.size()); i++) {
            var entry = sorted.get(i);
            long inWindow = votedInWindow.getOrDefault(entry.getKey(), 0L);
            top.add(new Delegate(i + 1, entry.getKey(), entry.getValue(), Shares.of(entry.getValue(), total),
                    delegators.getOrDefault(entry.getKey(), 0L), voted.getOrDefault(entry.getKey(), 0L), inWindow,
                    window.isEmpty() ? null : Shares.of(BigInteger.valueOf(inWindow), BigInteger.valueOf(window.size())),
                    labels == null ? null : labels.entityOf().get(entry.getKey())));
        }
        return new Ranking(dao.daoId(), chainId, token.address(), point.block(), point.timestamp(), point.timeNote(), total,
                sorted.size(), proposals.size(), window.size(), top);
    }

    /** Proposals each voter voted on by {@code block}, among {@code among} (all when null). */
    private Map<String, Long> proposalsVotedBy(DaoScope dao, long chainId, long block, List<String> among) {
        List<String> governors = dao.governors().stream().filter(governor -> governor.chainId() == chainId)
                .map(ContractRow::address).toList();
        if (governors.isEmpty()) {
            return Map.of();
        }
        return store.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT voter, COUNT(DISTINCT proposal_id) AS proposals FROM votes
                        WHERE chain_id = :chainId AND governor IN (<governors>) AND block_number <= :block
                          AND (<allProposals> OR proposal_id IN (<proposals>))
                        GROUP BY voter""")
                .bind("chainId", chainId).bindList("governors", governors).bind("block", block)
                .define("allProposals", among == null ? "1 = 1" : "1 = 0")
                .bindList("proposals", among == null || among.isEmpty() ? List.of("") : among)
                .reduceRows(new HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("voter", String.class), row.getColumn("proposals", Long.class));
                    return map;
                }));
    }
}
