package org.stagewatch.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * The tests' own view of a chain at one block, independent of the code under test: plain eth_call and
 * eth_getStorageAt with web3j, addresses lower case.
 */
final class ChainAtBlock {
    static final String IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    static final String ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";

    private final Web3j web3j;
    private final DefaultBlockParameter block;
    private final long number;

    ChainAtBlock(Web3j web3j, long block) {
        this.web3j = web3j;
        this.number = block;
        this.block = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    @SuppressWarnings("unchecked")
    List<String> owners(String safe) throws Exception {
        return ((DynamicArray<Address>) call(safe, "getOwners", List.of(), new TypeReference<DynamicArray<Address>>() { }))
                .getValue().stream().map(address -> lower(address.getValue())).toList();
    }

    int threshold(String safe) throws Exception {
        return uint(safe, "getThreshold").intValueExact();
    }

    BigInteger uint(String contract, String function, Type<?>... args) throws Exception {
        return ((Uint256) call(contract, function, List.of(args), new TypeReference<Uint256>() { })).getValue();
    }

    String address(String contract, String function, Type<?>... args) throws Exception {
        return lower(((Address) call(contract, function, List.of(args), new TypeReference<Address>() { })).getValue());
    }

    boolean bool(String contract, String function, Type<?>... args) throws Exception {
        return ((Bool) call(contract, function, List.of(args), new TypeReference<Bool>() { })).getValue();
    }

    String string(String contract, String function) throws Exception {
        return ((Utf8String) call(contract, function, List.of(), new TypeReference<Utf8String>() { })).getValue();
    }

    boolean hasRole(String contract, String role, String account) throws Exception {
        return bool(contract, "hasRole", role(role), new Address(account));
    }

    /** The address right-aligned in a storage slot. */
    String slot(String contract, String slot) throws Exception {
        String word = web3j.ethGetStorageAt(contract, Numeric.toBigInt(slot), block).send().getData();
        return "0x" + lower(word.substring(word.length() - 40));
    }

    EthBlock.Block header() throws Exception {
        return web3j.ethGetBlockByNumber(block, false).send().getBlock();
    }

    /** eth_call of raw calldata from {@code from}: the error, or null when the call succeeds. */
    Response.Error tryCall(String from, String to, String data) throws Exception {
        EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), block).send();
        return result.hasError() ? result.getError() : null;
    }

    static Bytes32 role(String name) {
        return new Bytes32(name.equals("DEFAULT_ADMIN_ROLE") ? new byte[32] : Hash.sha3(name.getBytes(StandardCharsets.UTF_8)));
    }

    static String selector(String errorSignature) {
        return Hash.sha3String(errorSignature).substring(0, 10);
    }

    private Type<?> call(String contract, String function, List<Type> args, TypeReference<?> output) throws Exception {
        Function f = new Function(function, args, List.of(output));
        EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)), block).send();
        if (result.hasError()) {
            throw new IllegalStateException(function + " on " + contract + " at block " + number + ": " + result.getError().getMessage());
        }
        return FunctionReturnDecoder.decode(result.getValue(), f.getOutputParameters()).get(0);
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
