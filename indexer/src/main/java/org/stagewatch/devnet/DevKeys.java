package org.stagewatch.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;

/**
 * Every key the devnet uses, all deterministic so a scenario replays to the same transaction hashes:
 * anvil's ten funded dev accounts (the public "test test … junk" mnemonic) and keys derived as
 * keccak256(domain ‖ seed ‖ index). Test keys only: they sign on a local chain and nowhere else.
 */
public final class DevKeys {
    public static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
    private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;
    private static final Credentials[] ANVIL = new Credentials[10];

    private DevKeys() {
    }

    /** anvil's dev account {@code index} (0–9), derived at m/44'/60'/0'/0/index like anvil does. */
    public static synchronized Credentials anvil(int index) {
        if (ANVIL[index] == null) {
            Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(ANVIL_MNEMONIC, ""));
            int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
            ANVIL[index] = Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
        }
        return ANVIL[index];
    }

    /** The key keccak256(domain ‖ seed ‖ index): distinct per domain ("holder", "council", …). */
    public static Credentials derived(String domain, long seed, int index) {
        byte[] label = domain.getBytes(StandardCharsets.UTF_8);
        byte[] material = ByteBuffer.allocate(label.length + 12).put(label).putLong(seed).putInt(index).array();
        // A keccak output is below the curve order except with probability ~2^-128.
        return Credentials.create(ECKeyPair.create(new BigInteger(1, Hash.sha3(material))));
    }
}
