package org.stagewatch.analyze;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.stagewatch.store.ContractRow;
import org.stagewatch.store.TokenDao;
import org.stagewatch.store.Store;

/**
 * Delegates of a DAO's votes token at a block, ranked by voting power (exact), with share of the
 * delegated total T, the number of delegators pointing at them, and how many of the DAO's
 * proposals created by then they voted on.
 */
public final class DelegateRanking {
    private final Store store;

    public DelegateRanking(Store store) {
        this.store = store;
    }

    /** One ranked delegate. {@code share} = power / T as a decimal (exact to 18 significant digits). */
    public record Delegate(int rank, String address, BigInteger power, BigDecimal share, long delegators,
                           long proposalsVoted) {
    }

    /** The ranking plus its denominators. */
    public record Ranking(String dao, long chainId, String token, long block, long timestamp,
                          BigInteger totalVotingPower, int delegates, int proposals, List<Delegate> top) {
    }

    public Ranking rank(DaoScope dao, Long block, java.time.Instant at, int topK) {
        ContractRow token = dao.token();
        PointInTime point = PointInTime.resolve(store, token.chainId(), block, at);
        long chainId = token.chainId();
        List<TokenDao.DelegatePower> powers = store.jdbi().withExtension(TokenDao.class,
                tokens -> tokens.powersAt(chainId, token.address(), point.block()));
        Map<String, Long> delegators = store.jdbi().withExtension(TokenDao.class,
                        tokens -> tokens.delegatorCountsAt(chainId, token.address(), point.block()))
                .stream().collect(Collectors.toMap(TokenDao.DelegatorCount::delegate, TokenDao.DelegatorCount::delegators));
        List<ProposalSummary> proposals = new ProposalAnalyzer(store).proposals(dao, point.block(), null);
        Map<String, Long> voted = proposalsVotedBy(dao, chainId, point.block());
        List<Map.Entry<String, BigInteger>> sorted = powers.stream()
                .map(power -> Map.entry(power.delegate(), new BigInteger(power.power())))
                .sorted(Map.Entry.<String, BigInteger>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        BigInteger total = sorted.stream().map(Map.Entry::getValue).reduce(BigInteger.ZERO, BigInteger::add);
        List<Delegate> top = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(topK, sorted.size()); i++) {
            var entry = sorted.get(i);
            top.add(new Delegate(i + 1, entry.getKey(), entry.getValue(), share(entry.getValue(), total),
                    delegators.getOrDefault(entry.getKey(), 0L), voted.getOrDefault(entry.getKey(), 0L)));
        }
        return new Ranking(dao.daoId(), chainId, token.address(), point.block(), point.header().timestamp(), total,
                sorted.size(), proposals.size(), top);
    }

    private Map<String, Long> proposalsVotedBy(DaoScope dao, long chainId, long block) {
        List<String> governors = dao.governors().stream().filter(governor -> governor.chainId() == chainId)
                .map(ContractRow::address).toList();
        if (governors.isEmpty()) {
            return Map.of();
        }
        return store.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT voter, COUNT(DISTINCT proposal_id) AS proposals FROM votes
                        WHERE chain_id = :chainId AND governor IN (<governors>) AND block_number <= :block
                        GROUP BY voter""")
                .bind("chainId", chainId).bindList("governors", governors).bind("block", block)
                .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("voter", String.class), row.getColumn("proposals", Long.class));
                    return map;
                }));
    }

    static BigDecimal share(BigInteger part, BigInteger total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(part).divide(new BigDecimal(total), MathContext.DECIMAL128).stripTrailingZeros();
    }
}
