package org.stagewatch.devnet;

import java.util.Locale;
import org.web3j.crypto.Keys;

/**
 * A contract the devnet deployed.
 *
 * @param name    what it is in the demo DAO ("Timelock", "Security Council", …)
 * @param address lower-case {@code 0x} hex, the form the indexer stores
 * @param block   the block of its creation transaction (the config's startBlock)
 */
public record Deployed(String name, String address, long block) {
    public Deployed {
        address = address.toLowerCase(Locale.ROOT);
    }

    /** The EIP-55 checksummed address, the form config files carry. */
    public String checksummed() {
        return Keys.toChecksumAddress(address);
    }
}
