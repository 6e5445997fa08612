package org.stagewatch.config;

import java.util.Locale;
import org.web3j.crypto.Keys;

/**
 * Checks Ethereum addresses as the config gives them and returns their EIP-55 checksummed form,
 * the one form every {@link ContractConfig} holds. All-lower and all-upper hex carry no checksum
 * and are accepted; mixed case is a checksum and must be right, because a wrong one almost always
 * means a mistyped digit — and indexing the wrong contract fails silently.
 */
public final class Addresses {
    private static final String EXPECTED = "expected 0x followed by 40 hex digits";

    private Addresses() {
    }

    /** The checksummed form of a valid address; throws {@link IllegalArgumentException} saying what is wrong. */
    public static String checksummed(String address) {
        try {
            return check(address);
        } catch (Values.BadValue bad) {
            throw new IllegalArgumentException(bad.problem() + " (" + bad.remedyOr(EXPECTED) + ")");
        }
    }

    static String check(String address) {
        if (!address.startsWith("0x")) {
            throw new Values.BadValue("malformed address '" + address + "'", EXPECTED + ", starting with 0x");
        }
        String digits = address.substring(2);
        if (digits.length() != 40) {
            throw new Values.BadValue("malformed address '" + address + "'",
                    EXPECTED + ", got " + digits.length() + " digits");
        }
        for (int index = 0; index < digits.length(); index++) {
            if (Character.digit(digits.charAt(index), 16) < 0) {
                throw new Values.BadValue("malformed address '" + address + "'",
                        EXPECTED + "; '" + digits.charAt(index) + "' is not a hex digit");
            }
        }
        String checksummed = Keys.toChecksumAddress(digits.toLowerCase(Locale.ROOT));
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT))
                && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.substring(2).equals(digits)) {
            throw new Values.BadValue("wrong EIP-55 checksum in address '" + address + "'",
                    "a wrong checksum usually means a mistyped digit: copy the address again from a block explorer;"
                            + " if these digits are right, the checksummed form is " + checksummed);
        }
        return checksummed;
    }
}
