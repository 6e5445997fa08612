package org.stagewatch.analyze.control;

import java.math.BigInteger;
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
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * The test's own view of a chain at a past block, independent of the code under test: a Safe's
 * getOwners / getThreshold / getModulesPaginated, a timelock's getMinDelay, a governor's quorum(t),
 * a token's getPastVotes and an ownable's owner by eth_call, and
 * EIP-1967 slots by eth_getStorageAt, all with plain web3j.
 */
public final class ChainAt {
    public static final String IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    public static final String ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";

    private final Web3j web3j;
    private final DefaultBlockParameter block;

    public ChainAt(Web3j web3j, long block) {
        this.web3j = web3j;
        this.block = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    @SuppressWarnings("unchecked")
    public List<String> owners(String safe) throws Exception {
        return ((DynamicArray<Address>) call(safe, new Function("getOwners", List.of(),
                List.of(new TypeReference<DynamicArray<Address>>() { }))).get(0)).getValue().stream().map(ChainAt::lower).toList();
    }

    public int threshold(String safe) throws Exception {
        return uint(safe, "getThreshold").intValueExact();
    }

    public BigInteger uint(String contract, String function) throws Exception {
        return (BigInteger) call(contract, new Function(function, List.of(), List.of(new TypeReference<Uint256>() { }))).get(0).getValue();
    }

    /** A view taking one uint256, e.g. a governor's {@code quorum(timepoint)}. */
    public BigInteger uint(String contract, String function, long argument) throws Exception {
        return (BigInteger) call(contract, new Function(function, List.of(new Uint256(argument)),
                List.of(new TypeReference<Uint256>() { }))).get(0).getValue();
    }

    /** The token's {@code getPastVotes(account, timepoint)}. */
    BigInteger pastVotes(String token, String account, long timepoint) throws Exception {
        return (BigInteger) call(token, new Function("getPastVotes", List.of(new Address(account), new Uint256(timepoint)),
                List.of(new TypeReference<Uint256>() { }))).get(0).getValue();
    }

    @SuppressWarnings("unchecked")
    List<String> modules(String safe) throws Exception {
        Function page = new Function("getModulesPaginated", List.of(new Address("0x0000000000000000000000000000000000000001"),
                new Uint256(100)), List.of(new TypeReference<DynamicArray<Address>>() { }, new TypeReference<Address>() { }));
        return ((DynamicArray<Address>) call(safe, page).get(0)).getValue().stream().map(ChainAt::lower).toList();
    }

    /** The address right-aligned in a storage slot, lower case. */
    public String slot(String contract, String slot) throws Exception {
        String word = web3j.ethGetStorageAt(contract, new BigInteger(slot.substring(2), 16), block).send().getData();
        return "0x" + word.substring(word.length() - 40).toLowerCase(Locale.ROOT);
    }

    /** A view returning an address, e.g. {@code owner()}, lower case. */
    public String address(String contract, String function) throws Exception {
        return lower((Address) call(contract, new Function(function, List.of(), List.of(new TypeReference<Address>() { }))).get(0));
    }

    @SuppressWarnings("rawtypes")
    private List<Type> call(String contract, Function function) throws Exception {
        var response = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)), block).send();
        if (response.hasError()) {
            throw new IllegalStateException(function.getName() + " on " + contract + ": " + response.getError().getMessage());
        }
        return FunctionReturnDecoder.decode(response.getValue(), function.getOutputParameters());
    }

    private static String lower(Address address) {
        return address.getValue().toLowerCase(Locale.ROOT);
    }
}
