package org.stagewatch.decode;

import java.util.List;
import org.stagewatch.config.ContractKind;

/**
 * One event of one ABI file, with what dispatch needs: topic0 and the number of topics it produces.
 *
 * @param kind      the contract kind whose ABI declares it (the folder under {@code abi/})
 * @param source    the ABI file it came from without {@code .json}, e.g. {@code safe-v1.4}
 * @param name      the event name
 * @param inputs    the parameters in declaration order
 * @param signature the canonical signature hashed into topic0, e.g. {@code Transfer(address,address,uint256)}
 * @param topic0    keccak256 of the signature, lower-case 0x-hex
 */
public record AbiEvent(ContractKind kind, String source, String name, List<AbiParam> inputs, String signature,
        String topic0) {

    public AbiEvent {
        inputs = List.copyOf(inputs);
    }

    /** topic0 plus one topic per indexed parameter: with topic0, the key dispatch uses. */
    public int topicCount() {
        return 1 + (int) inputs.stream().filter(AbiParam::indexed).count();
    }

    /** The parameters carried in the data, in order. */
    public List<AbiParam> dataParams() {
        return inputs.stream().filter(p -> !p.indexed()).toList();
    }

    /** Types and indexed flags: two declarations with the same layout decode identically. */
    String layout() {
        return inputs.stream().map(p -> p.type() + (p.indexed() ? " indexed" : "")).toList().toString();
    }

    /** "RemovedOwner(address) [safe/safe-v1.3]" for messages. */
    public String describe() {
        return signature + " [" + kind + "/" + source + "]";
    }
}
