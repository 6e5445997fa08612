package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class ArtifactsTest {

    @Test
    void devnetSafeAndOpenZeppelinArtifactsAreOnTheClasspathWithBytecode() {
        for (String name : new String[] {"DemoToken", "DemoGovernor", "UpgradeExecutor", "HolderWallet", "BridgeV1", "BridgeV2",
                "GnosisSafeL2", "GnosisSafeProxyFactory", "SafeL2", "SafeProxyFactory", "TimelockController",
                "TransparentUpgradeableProxy", "ProxyAdmin"}) {
            Artifacts.Artifact artifact = Artifacts.load(name);
            assertThat(artifact.contractName()).isEqualTo(name);
            assertThat(artifact.bytecode()).as(name).startsWith("0x").hasSizeGreaterThan(100);
            assertThat(artifact.abi().isArray()).as(name).isTrue();
        }
    }

    @Test
    void aMissingArtifactNamesTheResourceAndTheBuildToRun() {
        assertThatThrownBy(() -> Artifacts.load("NoSuchContract"))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("org/stagewatch/contracts/NoSuchContract.json")
                .hasMessageContaining("./stagewatch builds contracts-abi");
    }

    @Test
    void revertDataOfAKnownCustomErrorIsNamed() {
        Artifacts.load("DemoGovernor");
        // GovernorOnlyExecutor(address): selector of the governor's own custom error
        String data = Hash.sha3String("GovernorOnlyExecutor(address)").substring(0, 10) + "00".repeat(32);
        assertThat(Artifacts.errorName(data)).hasValueSatisfying(name -> assertThat(name).startsWith("GovernorOnlyExecutor(0x"));
    }
}
