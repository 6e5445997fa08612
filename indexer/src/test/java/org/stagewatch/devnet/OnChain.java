package org.stagewatch.devnet;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The tests' own view of the chain: plain eth_call, eth_getStorageAt and eth_getLogs, nothing from the code under test. */
final class OnChain {
    private final Web3j web3j;

    OnChain(Web3j web3j) {
        this.web3j = web3j;
    }

    BigInteger uint(String contract, String function, Type<?>... args) throws Exception {
        return (BigInteger) call(contract, function, List.of(args), new TypeReference<Uint256>() { }).get(0).getValue();
    }

    String address(String contract, String function, Type<?>... args) throws Exception {
        return ((Address) call(contract, function, List.of(args), new TypeReference<Address>() { }).get(0)).getValue();
    }

    @SuppressWarnings("unchecked")
    List<String> addresses(String contract, String function) throws Exception {
        DynamicArray<Address> array = (DynamicArray<Address>) call(contract, function, List.of(),
                new TypeReference<DynamicArray<Address>>() { }).get(0);
        return array.getValue().stream().map(Address::getValue).toList();
    }

    ProposalState state(String governor, BigInteger proposalId) throws Exception {
        BigInteger state = (BigInteger) call(governor, "state", List.of(new Uint256(proposalId)),
                new TypeReference<Uint8>() { }).get(0).getValue();
        return ProposalState.ofOrdinal(state.intValueExact());
    }

    /** The address right-aligned in a storage slot. */
    String slotAddress(String contract, String slot) throws Exception {
        String word = web3j.ethGetStorageAt(contract, Numeric.toBigInt(slot), DefaultBlockParameterName.LATEST).send().getData();
        return "0x" + Numeric.cleanHexPrefix(word).substring(24);
    }

    List<Log> logs(String contract, String topic0) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addSingleTopic(topic0);
        return web3j.ethGetLogs(filter).send().getLogs().stream().map(result -> (Log) ((EthLog.LogObject) result)).toList();
    }

    @SuppressWarnings("rawtypes")
    private List<Type> call(String contract, String function, List<Type> args, TypeReference<?> output) throws Exception {
        Function f = new Function(function, args, List.of(output));
        String result = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send().getValue();
        return FunctionReturnDecoder.decode(result, f.getOutputParameters());
    }
}
