package org.stagewatch.decode.event;

import java.math.BigInteger;
import java.util.List;
import org.stagewatch.chain.RawLog;

/**
 * A governor proposal. Variant: "A" plain OZ/Bravo/Alpha, "B" Agora module proposal, "C" Agora typed
 * proposal, "D" Agora typed module proposal (both its indexed and legacy non-indexed forms).
 * Module proposals carry no targets: their lists are empty and {@code votingModule} and
 * {@code proposalData} say what runs.
 *
 * @param voteStart    in the governor's clock (block number or timestamp; on Arbitrum an L1 block number)
 * @param votingModule null unless variant B or D
 * @param proposalData 0x-hex, null unless variant B or D
 * @param proposalType null unless variant C or D
 */
public record ProposalCreated(RawLog log, String variant, BigInteger proposalId, String proposer,
        List<String> targets, List<BigInteger> values, List<String> signatures, List<String> calldatas,
        BigInteger voteStart, BigInteger voteEnd, String description,
        String votingModule, String proposalData, Integer proposalType) implements DecodedEvent {
    public ProposalCreated {
        targets = List.copyOf(targets);
        values = List.copyOf(values);
        signatures = List.copyOf(signatures);
        calldatas = List.copyOf(calldatas);
    }
}
