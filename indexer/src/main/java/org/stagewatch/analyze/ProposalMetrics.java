package org.stagewatch.analyze;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.power.Shares;
import org.stagewatch.config.ContractKind;
import org.stagewatch.project.Rows;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.Store;

/**
 * Proposals with what their tallies mean: turnout = cast weight / T at the snapshot (T = delegated
 * voting power at the block whose state the snapshot timepoint sees, through the governor's clock),
 * the margin over quorum, and the decisive sets. T at every snapshot comes from one ordered pass.
 */
public final class ProposalMetrics {
    private final Store store;

    public ProposalMetrics(Store store) {
        this.store = store;
    }

    /**
     * @param snapshotBlock   the block whose state the snapshot timepoint sees (null if not indexed yet)
     * @param votingPowerAtSnapshot T at that block
     * @param quorumMargin    for + abstain − quorum (what counts towards quorum under CountingSimple)
     */
    public record Report(ProposalSummary proposal, Long snapshotBlock, BigInteger votingPowerAtSnapshot,
                         BigDecimal turnout, BigInteger quorumMargin, Boolean quorumReached,
                         DecisiveSet.Result decisive) {
    }

    public List<Report> reports(DaoScope dao, Long block, Instant at) {
        List<ProposalSummary> proposals = new ProposalAnalyzer(store).proposals(dao, block, at);
        Map<String, Long> snapshotBlocks = Map.of();
        Map<Long, BigInteger> totals = Map.of();
        if (!dao.ofKind(ContractKind.VOTES_TOKEN).isEmpty()) { // without a token, no turnout
            ContractRow token = dao.token();
            snapshotBlocks = snapshotBlocks(token, proposals);
            totals = totalsAt(token, snapshotBlocks.values().stream().distinct().sorted().mapToLong(Long::longValue).toArray());
        }
        Map<String, Map<String, List<Rows.Vote>>> votes = new TreeMap<>();
        List<Report> reports = new ArrayList<>();
        for (ProposalSummary proposal : proposals) {
            Long snapshotBlock = snapshotBlocks.get(proposal.proposalId());
            BigInteger total = snapshotBlock == null ? null : totals.get(snapshotBlock);
            BigDecimal turnout = total == null || total.signum() == 0 ? null : Shares.of(proposal.castWeight(), total);
            BigInteger quorum = proposal.quorum();
            BigInteger margin = quorum == null ? null : proposal.forVotes().add(proposal.abstainVotes()).subtract(quorum);
            DecisiveSet.Result decisive = null;
            if (quorum != null && proposal.state() != ProposalState.PENDING && proposal.state() != ProposalState.CANCELED) {
                List<Rows.Vote> cast = votes.computeIfAbsent(proposal.governor(), governor -> votesOf(proposal, block, at))
                        .getOrDefault(proposal.proposalId(), List.of());
                decisive = DecisiveSet.of(Tally.ballots(cast), quorum);
            }
            reports.add(new Report(proposal, snapshotBlock, total, turnout, margin, margin == null ? null : margin.signum() >= 0,
                    decisive));
        }
        return reports;
    }

    /** Snapshot timepoint → the block whose state it sees, for snapshots the index has reached. */
    private Map<String, Long> snapshotBlocks(ContractRow token, List<ProposalSummary> proposals) {
        Checkpoint head = store.withSync(sync -> sync.checkpoint(token.chainId())).orElseThrow();
        boolean l1 = store.withSync(sync -> sync.blockAtOrBefore(token.chainId(), head.blockNumber()))
                .map(header -> header.l1BlockNumber() != null).orElse(false);
        Map<String, Long> blocks = new TreeMap<>();
        for (ProposalSummary proposal : proposals) {
            if (proposal.chainId() != token.chainId()) {
                continue;
            }
            GovernorClock clock = GovernorClock.of(store, proposal.chainId(), proposal.governor());
            clock.blockAt(proposal.voteStart(), l1).filter(snapshot -> snapshot <= head.blockNumber())
                    .ifPresent(snapshot -> blocks.put(proposal.proposalId(), snapshot));
        }
        return blocks;
    }

    private Map<Long, BigInteger> totalsAt(ContractRow token, long[] blocks) {
        Map<Long, BigInteger> totals = new TreeMap<>();
        new PowerSeries(new PowerQueries(store.database())).run(token.chainId(), token.address(), blocks, List.of(),
                (index, block, book) -> totals.put(block, Concentration.of(book.sample(), null).totalVotingPower()));
        return totals;
    }

    /** The governor's votes up to the point asked for, by proposal. */
    private Map<String, List<Rows.Vote>> votesOf(ProposalSummary proposal, Long block, Instant at) {
        long upTo = PointInTime.resolve(store, proposal.chainId(), block, at).block();
        return store.jdbi().withExtension(GovernanceDao.class, dao -> dao.votes(proposal.chainId(), proposal.governor(), upTo))
                .stream().collect(Collectors.groupingBy(Rows.Vote::proposalId));
    }
}
