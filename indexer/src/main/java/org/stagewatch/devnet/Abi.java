package org.stagewatch.devnet;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** Short spellings for web3j's ABI encoding, so call sites read like the Solidity they call. */
final class Abi {
    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private Abi() {
    }

    static String call(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, Arrays.asList(args), List.of()));
    }

    /** Bytecode followed by the ABI-encoded constructor arguments. */
    static String creation(String bytecode, Type<?>... args) {
        return args.length == 0 ? bytecode : bytecode + FunctionEncoder.encodeConstructor(Arrays.asList(args));
    }

    static Address address(String address) {
        return new Address(address);
    }

    static Uint256 uint(BigInteger value) {
        return new Uint256(value);
    }

    static Uint256 uint(long value) {
        return new Uint256(value);
    }

    static DynamicBytes bytes(String hex) {
        return new DynamicBytes(Numeric.hexStringToByteArray(hex));
    }

    static Utf8String string(String value) {
        return new Utf8String(value);
    }

    static DynamicArray<Address> addresses(List<String> addresses) {
        return new DynamicArray<>(Address.class, addresses.stream().map(Address::new).toList());
    }

    static DynamicArray<Uint256> uints(List<BigInteger> values) {
        return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
    }

    static DynamicArray<DynamicBytes> bytesArray(List<String> hexes) {
        return new DynamicArray<>(DynamicBytes.class, hexes.stream().map(Abi::bytes).toList());
    }
}
