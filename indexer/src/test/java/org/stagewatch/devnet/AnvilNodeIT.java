package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** A real anvil process: started on a free port, answering with the requested chain id, gone after close. */
class AnvilNodeIT {

    @Test
    void aStartedNodeAnswersWithTheRequestedChainIdOnLoopback() throws Exception {
        try (AnvilNode node = AnvilNode.start(4242)) {
            assertThat(node.rpcUrl()).startsWith("http://127.0.0.1:");
            assertThat(node.web3j().ethChainId().send().getChainId()).isEqualTo(4242);
            assertThat(node.chainId()).isEqualTo(4242);
        }
    }

    @Test
    void anvilIsGoneAndItsFolderDeletedAfterClose() throws Exception {
        AnvilNode node = AnvilNode.start(31_338);
        long pid = node.pid();
        Path folder = node.logFile().getParent();
        assertThat(folder.resolve("anvil.log")).exists();
        node.close();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(node.isRunning()).isFalse();
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void helpersMineSnapshotRevertAndFundAccounts() throws Exception {
        try (AnvilNode node = AnvilNode.start(31_339)) {
            String account = "0x00000000000000000000000000000000000000aa";
            String snapshot = node.snapshot();
            node.mine(5);
            node.setBalance(account, BigInteger.TEN.pow(20));
            assertThat(node.blockNumber()).isEqualTo(5);
            assertThat(node.web3j().ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(BigInteger.TEN.pow(20));
            long before = node.latestTimestamp();
            node.mine(1);
            assertThat(node.latestTimestamp()).as("12 s block interval").isEqualTo(before + 12);
            assertThat(node.revert(snapshot)).isTrue();
            assertThat(node.blockNumber()).isZero();
        }
    }

    @Test
    void anAnvilThatExitsAtStartIsReportedWithTheEndOfItsLog() {
        assertThatThrownBy(() -> AnvilNode.start(1, AnvilOptions.defaults().withExtraArgs("--no-such-flag")))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("anvil exited with code")
                .hasMessageContaining("--no-such-flag");
    }
}
