package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** View calls at the latest block, for the scenario's planning reads (balances, votes, proposal ids, deadlines). */
final class ContractReader {
    private final Web3j web3j;

    ContractReader(Web3j web3j) {
        this.web3j = web3j;
    }

    /** A view function returning one uint. */
    BigInteger uint(String contract, String function, Type<?>... args) {
        Function call = new Function(function, Arrays.asList(args), List.of(new TypeReference<Uint256>() { }));
        return (BigInteger) read(contract, call).get(0).getValue();
    }

    /** The next nonce of {@code account}, counting pending transactions. */
    BigInteger nonce(String account) {
        try {
            return web3j.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_getTransactionCount " + account, e);
        }
    }

    /** A view function returning address[], lower case. */
    @SuppressWarnings("unchecked")
    List<String> addresses(String contract, String function) {
        Function call = new Function(function, List.of(), List.of(new TypeReference<DynamicArray<Address>>() { }));
        return ((DynamicArray<Address>) read(contract, call).get(0)).getValue().stream()
                .map(address -> address.getValue().toLowerCase(Locale.ROOT)).toList();
    }

    @SuppressWarnings("rawtypes")
    List<Type> read(String contract, Function function) {
        try {
            EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                    DefaultBlockParameterName.LATEST).send();
            if (result.hasError()) {
                throw new DevnetException(function.getName() + " on " + contract + " reverted: " + result.getError().getMessage());
            }
            return FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
        } catch (IOException e) {
            throw new UncheckedIOException("eth_call " + function.getName() + " on " + contract, e);
        }
    }
}
