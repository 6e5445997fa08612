package org.stagewatch.analyze;

import java.util.Comparator;
import java.util.List;

import org.stagewatch.store.Store;

/**
 * Which proposals a delegate could have voted on, for participation: those whose voting had opened by
 * the block (not Pending) and that were not canceled before it opened — a proposal canceled while
 * Pending never asked anyone for a vote. The window is the latest {@code size} of them by creation.
 */
final class ParticipationWindow {
    private ParticipationWindow() {
    }

    static List<String> last(Store store, List<ProposalSummary> proposals, long block, int size) {
        return proposals.stream().filter(proposal -> votable(store, proposal))
                .sorted(Comparator.comparingLong(ProposalSummary::createdBlock).reversed())
                .limit(size).map(ProposalSummary::proposalId).toList();
    }

    private static boolean votable(Store store, ProposalSummary proposal) {
        if (proposal.state() == ProposalState.PENDING) {
            return false;
        }
        if (proposal.state() != ProposalState.CANCELED || proposal.canceledBlock() == null) {
            return true;
        }
        long canceled = proposal.canceledBlock();
        // the cancel's block holds its event, so its header is stored and the clock exact
        BlockTime.ClockRange clock = GovernorClock.of(store, proposal.chainId(), proposal.governor())
                .at(BlockTime.of(store, proposal.chainId(), canceled));
        return clock.low() > proposal.voteStart();
    }
}
