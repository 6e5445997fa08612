package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevKeysTest {

    @Test
    void anvilAccountsComeFromThePublicTestMnemonic() {
        assertThat(DevKeys.anvil(0).getAddress()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(DevKeys.anvil(1).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    }

    @Test
    void derivedKeysAreTheSameForTheSameInputsAndDifferPerDomainSeedAndIndex() {
        String key = DevKeys.derived("holder", 7, 3).getAddress();
        assertThat(DevKeys.derived("holder", 7, 3).getAddress()).isEqualTo(key);
        assertThat(DevKeys.derived("council", 7, 3).getAddress()).isNotEqualTo(key);
        assertThat(DevKeys.derived("holder", 8, 3).getAddress()).isNotEqualTo(key);
        assertThat(DevKeys.derived("holder", 7, 4).getAddress()).isNotEqualTo(key);
    }
}
