package org.stagewatch.analyze;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.stagewatch.project.Rows;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * Proposals of a DAO's governors as they stood at a block, with tallies and the state OpenZeppelin's
 * Governor (v5, with GovernorTimelockControl) would report: Executed and Canceled from lifecycle
 * events; Pending while snapshot ≥ clock; Active while the (possibly extended) deadline ≥ clock;
 * then Defeated unless quorum ≤ for + abstain and for > against; Queued once queued, else Succeeded.
 */
public final class ProposalAnalyzer {
    private final Store store;

    public ProposalAnalyzer(Store store) {
        this.store = store;
    }

    public List<ProposalSummary> proposals(DaoScope dao, Long block, Instant at) {
        List<ProposalSummary> all = new ArrayList<>();
        for (ContractRow governor : dao.governors()) {
            PointInTime point = PointInTime.resolve(store, governor.chainId(), block, at);
            all.addAll(proposals(governor, point));
        }
        all.sort(Comparator.comparingLong(ProposalSummary::createdBlock));
        return all;
    }

    List<ProposalSummary> proposals(ContractRow governor, PointInTime point) {
        long chainId = governor.chainId();
        String address = governor.address();
        long block = point.block();
        List<Rows.Proposal> proposals = governance(dao -> dao.proposals(chainId, address, block));
        Map<String, List<Rows.ProposalEvent>> events = governance(dao -> dao.proposalEvents(chainId, address, block))
                .stream().collect(Collectors.groupingBy(Rows.ProposalEvent::proposalId));
        Map<String, List<Rows.Vote>> votes = governance(dao -> dao.votes(chainId, address, block))
                .stream().collect(Collectors.groupingBy(Rows.Vote::proposalId));
        String mode = stateRead(chainId, address, "CLOCK_MODE", "", block).map(StateRead::value).orElse("mode=blocknumber");
        BlockTime.ClockRange clock = point.time().clock(mode);
        List<ProposalSummary> summaries = new ArrayList<>();
        for (Rows.Proposal proposal : proposals) {
            Tally tally = Tally.of(votes.getOrDefault(proposal.proposalId(), List.of()));
            List<Rows.ProposalEvent> lifecycle = events.getOrDefault(proposal.proposalId(), List.of());
            BigInteger quorum = stateRead(chainId, address, "quorum", Long.toString(proposal.voteStart()), Long.MAX_VALUE)
                    .filter(read -> proposal.voteStart() < clock.low())
                    .map(read -> new BigInteger(read.value())).orElse(null);
            summaries.add(summarize(proposal, lifecycle, tally, quorum, clock, point));
        }
        return summaries;
    }

    private static ProposalSummary summarize(Rows.Proposal proposal, List<Rows.ProposalEvent> lifecycle, Tally tally,
                                             BigInteger quorum, BlockTime.ClockRange clock, PointInTime point) {
        long deadline = proposal.voteEnd();
        Rows.ProposalEvent queued = null;
        Rows.ProposalEvent executed = null;
        Rows.ProposalEvent canceled = null;
        for (Rows.ProposalEvent event : lifecycle) {
            switch (event.event()) {
                case "queued" -> queued = event;
                case "executed" -> executed = event;
                case "canceled" -> canceled = event;
                case "extended", "deadline_updated" -> deadline = Long.parseLong(event.value());
                default -> { }
            }
        }
        ProposalState state = state(proposal.voteStart(), deadline, clock.low(), tally, quorum,
                queued != null, executed != null, canceled != null);
        String note = null;
        if (!clock.exact() && state != state(proposal.voteStart(), deadline, clock.high(), tally, quorum,
                queued != null, executed != null, canceled != null)) {
            // the block's clock lies between its stored neighbours' and the state changes in between: not another block's
            state = ProposalState.UNKNOWN;
            note = "the state at block %d depends on its governor clock, known only to lie in [%d, %d]: %s"
                    .formatted(point.block(), clock.low(), clock.high(), point.time().unknownReason());
        }
        return new ProposalSummary(proposal.chainId(), proposal.governor(), proposal.proposalId(), proposal.proposer(),
                title(proposal.description()), proposal.variant(), proposal.voteStart(), deadline,
                tally.forVotes, tally.againstVotes, tally.abstainVotes, tally.forVoters.size(),
                tally.againstVoters.size(), tally.abstainVoters.size(), quorum, state,
                proposal.blockNumber(), proposal.txHash(), queued == null ? null : queued.value(),
                queued == null ? null : queued.blockNumber(), executed == null ? null : executed.blockNumber(),
                canceled == null ? null : canceled.blockNumber(), note);
    }

    static ProposalState state(long snapshot, long deadline, long clock, Tally tally, BigInteger quorum,
                               boolean queued, boolean executed, boolean canceled) {
        if (executed) {
            return ProposalState.EXECUTED;
        }
        if (canceled) {
            return ProposalState.CANCELED;
        }
        if (snapshot >= clock) {
            return ProposalState.PENDING;
        }
        if (deadline >= clock) {
            return ProposalState.ACTIVE;
        }
        if (quorum == null) {
            return ProposalState.UNKNOWN;
        }
        boolean quorumReached = quorum.compareTo(tally.forVotes.add(tally.abstainVotes)) <= 0;
        boolean succeeded = tally.forVotes.compareTo(tally.againstVotes) > 0;
        if (!quorumReached || !succeeded) {
            return ProposalState.DEFEATED;
        }
        return queued ? ProposalState.QUEUED : ProposalState.SUCCEEDED;
    }

    private <T> List<T> governance(Function<GovernanceDao, List<T>> query) {
        return store.jdbi().withExtension(GovernanceDao.class, query::apply);
    }

    private Optional<StateRead> stateRead(long chainId, String address, String name, String args, long block) {
        return store.jdbi().withExtension(StateReadDao.class, dao -> dao.latest(chainId, address, name, args, block));
    }

    /** The first line of a description, without Markdown heading marks, as a title. */
    static String title(String description) {
        String first = description.strip().lines().findFirst().orElse("");
        return first.replaceFirst("^#+\\s*", "");
    }
}
