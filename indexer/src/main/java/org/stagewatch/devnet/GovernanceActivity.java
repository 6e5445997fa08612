package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.uint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.web3j.crypto.Credentials;

/**
 * The governance side of a scenario: six proposals ({@link ProposalDraft#demo}) created in one block
 * and run side by side, so their lifecycles overlap like real ones. Owns the timeline, in blocks after
 * creation C: cancel at C+1 while Pending; votes from C+3; quorum for the late-quorum proposal arriving
 * exactly in the deadline block C+22, which extends it; queueing at C+23; execution at the timelock's eta.
 */
final class GovernanceActivity {
    private static final long GAS = 1_000_000;

    private final AnvilNode node;
    private final DemoDao dao;
    private final Transactor tx;
    private final ContractReader reader;
    private final Random random;
    private final TokenActivity tokens;

    GovernanceActivity(AnvilNode node, DemoDao dao, Transactor tx, Random random, TokenActivity tokens) {
        this.node = node;
        this.dao = dao;
        this.tx = tx;
        this.reader = new ContractReader(node.web3j());
        this.random = random;
        this.tokens = tokens;
    }

    List<ScenarioProposal> play() {
        String governor = dao.governor().address();
        List<ProposalDraft> drafts = ProposalDraft.demo(dao, tokens.holders.subList(0, TokenActivity.PUBLIC_DELEGATES));
        List<BigInteger> ids = drafts.stream().map(d -> reader.uint(governor, "hashProposal", d.byHash())).toList();
        drafts.forEach(d -> tx.send(d.proposer(), governor, d.proposeCall(), GAS, "propose '" + d.title() + "'"));
        long created = tx.mine().get(0).getBlockNumber().longValueExact();
        long deadline = created + DemoDaoDeployer.VOTING_DELAY_BLOCKS + DemoDaoDeployer.VOTING_PERIOD_BLOCKS;

        ProposalDraft canceled = drafts.get(3); // OZ 5 lets the proposer cancel only while Pending
        tx.send(canceled.proposer(), governor, canceled.lifecycleCall("cancel"), GAS, "cancel '" + canceled.title() + "'");
        tx.mine();
        mineTo(created + DemoDaoDeployer.VOTING_DELAY_BLOCKS); // the snapshot block; votes land in the next one

        Map<String, Credentials> keys = new LinkedHashMap<>();
        tokens.actors().forEach(c -> keys.put(TokenActivity.addressOf(c), c));
        BigInteger quorum = DemoDaoDeployer.TOTAL_SUPPLY.multiply(BigInteger.valueOf(DemoDaoDeployer.QUORUM_PERCENT))
                .divide(BigInteger.valueOf(100));
        Ballots ballots = new Ballots(random, powerAtSnapshot(keys), quorum);
        ballots.cast(tx, governor, ids.get(0), ballots.ensurePasses(ballots.draw(0.8, 0.6, 0.25)), keys, drafts.get(0).title());
        ballots.cast(tx, governor, ids.get(1), ballots.ensureFails(ballots.draw(0.7, 0.35, 0.55)), keys, drafts.get(1).title());
        Map<String, Integer> few = planAll(ballots.lightest(4), Ballots.FOR);
        if (ballots.sum(few, Ballots.FOR).compareTo(quorum) >= 0) {
            throw new DevnetException("the four lightest voters reach quorum: no quorum-miss proposal possible");
        }
        ballots.cast(tx, governor, ids.get(2), few, keys, drafts.get(2).title());
        Map<String, Integer> early = planAll(ballots.lightest(12).subList(4, 9), Ballots.FOR);
        ballots.cast(tx, governor, ids.get(4), early, keys, drafts.get(4).title());
        ballots.cast(tx, governor, ids.get(5), ballots.ensurePasses(ballots.draw(0.6, 0.8, 0.1)), keys, drafts.get(5).title());
        tx.mine();
        tokens.transfers(15); // power moves after the snapshot: the votes above must not change

        // Quorum arrives in the deadline block itself: GovernorPreventLateQuorum extends the deadline.
        mineTo(deadline - 1);
        Map<String, Integer> push = new LinkedHashMap<>();
        for (String voter : ballots.heaviestFirst()) {
            if (ballots.sum(early, Ballots.FOR).add(ballots.sum(push, Ballots.FOR)).compareTo(quorum) >= 0) {
                break;
            }
            if (!early.containsKey(voter)) {
                push.put(voter, Ballots.FOR);
            }
        }
        ballots.cast(tx, governor, ids.get(4), push, keys, drafts.get(4).title());
        tx.mine();
        long extended = reader.uint(governor, "proposalDeadline", uint(ids.get(4))).longValueExact();
        if (extended <= deadline) {
            throw new DevnetException("late quorum did not extend the deadline of '" + drafts.get(4).title() + "'");
        }

        // One objection inside the extension (possible only because of it); both passing proposals queued.
        ballots.heaviestFirst().stream().filter(v -> !early.containsKey(v) && !push.containsKey(v)).reduce((a, b) -> b)
                .ifPresent(v -> ballots.cast(tx, governor, ids.get(4), Map.of(v, Ballots.AGAINST), keys, drafts.get(4).title()));
        for (ProposalDraft d : List.of(drafts.get(0), drafts.get(5))) {
            tx.send(d.proposer(), governor, d.lifecycleCall("queue"), GAS, "queue '" + d.title() + "'");
        }
        tx.mine();
        // Jump to the timelock's eta rather than mining a minute of blocks; works with or without a block interval.
        long eta = reader.uint(governor, "proposalEta", uint(ids.get(0))).longValueExact();
        node.setNextBlockTimestamp(Math.max(eta, node.latestTimestamp() + 1));
        tx.send(drafts.get(0).proposer(), governor, drafts.get(0).lifecycleCall("execute"), GAS, "execute '" + drafts.get(0).title() + "'");
        tx.mine();
        mineTo(extended + 1);

        List<ScenarioProposal> proposals = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ProposalDraft d = drafts.get(i);
            proposals.add(new ScenarioProposal(d.title(), ids.get(i), d.proposerAddress(), created, d.intended(), i == 4));
        }
        return proposals;
    }

    /** getVotes at the snapshot block (mined, nothing after it yet), for every actor with power. */
    private Map<String, BigInteger> powerAtSnapshot(Map<String, Credentials> keys) {
        Map<String, BigInteger> power = new LinkedHashMap<>();
        for (String voter : keys.keySet()) {
            BigInteger votes = reader.uint(dao.token().address(), "getVotes", address(voter));
            if (votes.signum() > 0) {
                power.put(voter, votes);
            }
        }
        return power;
    }

    private static Map<String, Integer> planAll(List<String> voters, int support) {
        Map<String, Integer> plan = new LinkedHashMap<>();
        voters.forEach(v -> plan.put(v, support));
        return plan;
    }

    private void mineTo(long block) {
        long current = node.blockNumber();
        if (block > current) {
            node.mine(block - current);
        }
    }
}
