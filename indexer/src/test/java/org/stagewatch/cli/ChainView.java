package org.stagewatch.cli;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** The metrics test's own view of the chain: plain eth_call of the contracts' view functions, nothing from Stagewatch. */
final class ChainView {
    private final Web3j web3j;

    ChainView(Web3j web3j) {
        this.web3j = web3j;
    }

    BigInteger getPastVotes(String token, String account, long block) throws Exception {
        return uint(token, new Function("getPastVotes", List.of(new Address(account), new Uint256(block)), outputs()));
    }

    BigInteger getPastTotalSupply(String token, long block) throws Exception {
        return uint(token, new Function("getPastTotalSupply", List.of(new Uint256(block)), outputs()));
    }

    BigInteger quorum(String governor, long timepoint) throws Exception {
        return uint(governor, new Function("quorum", List.of(new Uint256(timepoint)), outputs()));
    }

    long head() throws Exception {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    private static List<TypeReference<?>> outputs() {
        return List.of(new TypeReference<Uint256>() { });
    }

    @SuppressWarnings("rawtypes")
    private BigInteger uint(String contract, Function function) throws Exception {
        var response = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST).send();
        if (response.hasError()) {
            throw new IllegalStateException(function.getName() + " on " + contract + ": " + response.getError().getMessage());
        }
        List<Type> values = FunctionReturnDecoder.decode(response.getValue(), function.getOutputParameters());
        return (BigInteger) values.get(0).getValue();
    }
}
