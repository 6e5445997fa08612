package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stagewatch.chain.RpcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * View calls at a past block for the control readers, decoded to the text state_reads stores
 * (lower-case addresses, decimal numbers, JSON arrays). An empty answer ({@code 0x}) means no code
 * at that address and block, which is {@link Optional#empty()}; a revert or a node without that
 * block's state is an RpcException for the caller to judge.
 */
final class ViewCalls {
    private final RpcClient client;
    private final long block;

    ViewCalls(RpcClient client, long block) {
        this.client = client;
        this.block = block;
    }

    Optional<String> uint(String contract, String function) {
        return call(contract, uintFunction(function)).map(values -> values.get(0).getValue().toString());
    }

    Optional<String> address(String contract, String function) {
        return call(contract, new Function(function, List.of(), List.of(new TypeReference<Address>() { })))
                .map(values -> lower(values.get(0)));
    }

    Optional<String> string(String contract, String function) {
        return call(contract, new Function(function, List.of(), List.of(new TypeReference<Utf8String>() { })))
                .map(values -> values.get(0).getValue().toString());
    }

    @SuppressWarnings("unchecked")
    Optional<List<String>> addresses(String contract, String function) {
        return call(contract, new Function(function, List.of(), List.of(new TypeReference<DynamicArray<Address>>() { })))
                .map(values -> ((DynamicArray<Address>) values.get(0)).getValue().stream().map(ViewCalls::lower).toList());
    }

    /** A probe's call: a no-argument view returning {@code returns} (bool, uint256 or address), as stored text. */
    Optional<String> probe(String contract, String functionName, String returns) {
        TypeReference<?> output = switch (returns) {
            case "bool" -> new TypeReference<Bool>() { };
            case "uint256" -> new TypeReference<Uint256>() { };
            case "address" -> new TypeReference<Address>() { };
            default -> throw new IllegalArgumentException("unknown probe result type " + returns);
        };
        return call(contract, new Function(functionName, List.of(), List.of(output))).map(values -> returns.equals("address")
                ? lower(values.get(0)) : values.get(0).getValue().toString());
    }

    /** Safe's getModulesPaginated(start, pageSize), followed page by page until the sentinel. */
    @SuppressWarnings("unchecked")
    Optional<List<String>> safeModules(String safe) {
        String sentinel = "0x0000000000000000000000000000000000000001";
        List<String> modules = new ArrayList<>();
        String start = sentinel;
        for (int page = 0; page < 100; page++) {
            Function function = new Function("getModulesPaginated", List.of(new Address(start), new Uint256(50)),
                    List.of(new TypeReference<DynamicArray<Address>>() { }, new TypeReference<Address>() { }));
            Optional<List<Type>> values = call(safe, function);
            if (values.isEmpty()) {
                return page == 0 ? Optional.empty() : Optional.of(modules);
            }
            ((DynamicArray<Address>) values.get().get(0)).getValue().forEach(module -> modules.add(lower(module)));
            String next = lower(values.get().get(1));
            if (next.equals(sentinel) || next.equals("0x0000000000000000000000000000000000000000")) {
                break;
            }
            start = next;
        }
        return Optional.of(modules);
    }

    @SuppressWarnings("rawtypes")
    private Optional<List<Type>> call(String contract, Function function) {
        return decode(client.ethCall(contract, FunctionEncoder.encode(function), block), function);
    }

    /** A no-argument view returning a uint256, as a query to send with others ({@link DueCalls}). */
    static RpcClient.Query uintQuery(String contract, String function, Long block) {
        return RpcClient.Query.call(contract, FunctionEncoder.encode(uintFunction(function)), block);
    }

    /** The decimal value a {@link #uintQuery} answered; empty for {@code 0x} (no code there). */
    static Optional<String> uintResult(String result, String function) {
        return decode(result, uintFunction(function)).map(values -> values.get(0).getValue().toString());
    }

    private static Function uintFunction(String function) {
        return new Function(function, List.of(), List.of(new TypeReference<Uint256>() { }));
    }

    @SuppressWarnings("rawtypes")
    private static Optional<List<Type>> decode(String result, Function function) {
        if (result == null || result.equals("0x")) {
            return Optional.empty();
        }
        return Optional.of(FunctionReturnDecoder.decode(result, function.getOutputParameters()));
    }

    private static String lower(Type<?> address) {
        return address.getValue().toString().toLowerCase(Locale.ROOT);
    }
}
