package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressesTest {
    private static final String COUNCIL = "0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641";

    @Test
    void keepsAValidChecksummedAddress() {
        assertThat(Addresses.checksummed(COUNCIL)).isEqualTo(COUNCIL);
    }

    @Test
    void checksumsAnAllLowerCaseAddress() {
        assertThat(Addresses.checksummed(COUNCIL.toLowerCase())).isEqualTo(COUNCIL);
    }

    @Test
    void checksumsAnAllUpperCaseAddressWhoseDigitsHaveNoLetters() {
        assertThat(Addresses.checksummed("0x4200000000000000000000000000000000000042"))
                .isEqualTo("0x4200000000000000000000000000000000000042");
    }

    @Test
    void refusesAWrongChecksumWithTheReasonInTheMessage() {
        assertThatThrownBy(() -> Addresses.checksummed("0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1640"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("wrong EIP-55 checksum in address '0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1640'");
    }

    @Test
    void refusesAnUpperCase0XPrefix() {
        assertThatThrownBy(() -> Addresses.checksummed("0X423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641"))
                .hasMessage("malformed address '0X423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641'"
                        + " (expected 0x followed by 40 hex digits, starting with 0x)");
    }
}
