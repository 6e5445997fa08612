package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.uint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

/**
 * One single-action proposal of the demo scenario and the calldata of every governor function that
 * names it: propose takes the description, cancel/queue/execute and hashProposal its hash.
 */
record ProposalDraft(String title, String target, String calldata, Credentials proposer, ProposalState intended) {

    /** The six proposals, in the order the scenario plays them; proposers are public delegates 0–5. */
    static List<ProposalDraft> demo(DemoDao dao, List<Credentials> proposers) {
        String executor = dao.upgradeExecutor().address();
        String governor = dao.governor().address();
        // Arbitrum's route: timelock → UpgradeExecutor.execute → delegatecall an action → ProxyAdmin.
        String upgrade = Abi.call("execute", address(dao.bridgeUpgradeAction().address()), Abi.bytes(Abi.call("perform",
                address(dao.proxyAdmin().address()), address(dao.bridgeProxy().address()), address(dao.bridgeV2().address()))));
        String rollback = Abi.call("executeCall", address(dao.proxyAdmin().address()), Abi.bytes(Abi.call("upgradeAndCall",
                address(dao.bridgeProxy().address()), address(dao.bridgeV1().address()), Abi.bytes("0x"))));
        return List.of(
                new ProposalDraft("Upgrade the bridge to V2", executor, upgrade, proposers.get(0), ProposalState.EXECUTED),
                new ProposalDraft("Roll the bridge back to V1", executor, rollback, proposers.get(1), ProposalState.DEFEATED),
                new ProposalDraft("Lower the proposal threshold to 500 DEMO", governor, Abi.call("setProposalThreshold",
                        uint(DemoDaoDeployer.TOKEN.multiply(BigInteger.valueOf(500)))), proposers.get(2), ProposalState.DEFEATED),
                new ProposalDraft("Shorten the voting period to 10 blocks", governor,
                        Abi.call("setVotingPeriod", new Uint32(10)), proposers.get(3), ProposalState.CANCELED),
                new ProposalDraft("Extend late-quorum protection to 10 blocks", governor,
                        Abi.call("setLateQuorumVoteExtension", new Uint48(10)), proposers.get(4), ProposalState.SUCCEEDED),
                new ProposalDraft("Raise the quorum to 5%", governor,
                        Abi.call("updateQuorumNumerator", uint(5)), proposers.get(5), ProposalState.QUEUED));
    }

    String description() {
        return "# " + title + "\n\nDevnet proposal played by Stagewatch's demo scenario.";
    }

    String proposeCall() {
        return Abi.call("propose", Abi.addresses(List.of(target)), Abi.uints(List.of(BigInteger.ZERO)),
                Abi.bytesArray(List.of(calldata)), Abi.string(description()));
    }

    /** cancel, queue or execute: all take (targets, values, calldatas, descriptionHash). */
    String lifecycleCall(String function) {
        return Abi.call(function, byHash());
    }

    /** The arguments of hashProposal, which yields the proposal id. */
    Type<?>[] byHash() {
        return new Type<?>[] {Abi.addresses(List.of(target)), Abi.uints(List.of(BigInteger.ZERO)),
            Abi.bytesArray(List.of(calldata)), new Bytes32(Hash.sha3(description().getBytes(StandardCharsets.UTF_8)))};
    }

    String proposerAddress() {
        return TokenActivity.addressOf(proposer);
    }
}
