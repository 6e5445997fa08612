package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stagewatch.sync.DeploymentBlockFinder.CodeOracle;
import org.stagewatch.sync.DeploymentBlockFinder.Found;

/** The bisection against a fake chain: an address that has code from block {@code deployed} on (or never). */
class DeploymentBlockFinderTest {

    /** A chain of {@code head + 1} blocks whose address has code from {@code deployed} on; records every question. */
    private static final class FakeChain implements CodeOracle {
        final long head;
        final long deployed;
        final List<Long> asked = new ArrayList<>();

        FakeChain(long head, long deployed) {
            this.head = head;
            this.deployed = deployed;
        }

        @Override
        public boolean hasCode(long block) {
            assertThat(block).as("asked block").isBetween(0L, head);
            asked.add(block);
            return block >= deployed;
        }
    }

    private static int maxCalls(long head) {
        return 1 + (64 - Long.numberOfLeadingZeros(head)); // the head, then ⌈log₂(head + 1)⌉
    }

    @Test
    void shouldFindAContractDeployedAtGenesis() {
        FakeChain chain = new FakeChain(1_000, 0);
        assertThat(DeploymentBlockFinder.find(chain.head, chain)).contains(new Found(0, chain.asked.size()));
        assertThat(chain.asked).contains(0L).hasSizeLessThanOrEqualTo(maxCalls(1_000));
    }

    @Test
    void shouldFindAContractDeployedAtTheHead() {
        FakeChain chain = new FakeChain(1_000, 1_000);
        assertThat(DeploymentBlockFinder.find(chain.head, chain).map(Found::block)).contains(1_000L);
        assertThat(chain.asked).contains(999L);
    }

    @Test
    void shouldAnswerBlockZeroOnAChainWhoseHeadIsGenesis() {
        FakeChain chain = new FakeChain(0, 0);
        assertThat(DeploymentBlockFinder.find(0, chain)).contains(new Found(0, 1));
        assertThat(chain.asked).containsExactly(0L);
    }

    @Test
    void shouldReportNoContractOnAChainWhoseHeadIsGenesisAndHasNoCode() {
        FakeChain chain = new FakeChain(0, Long.MAX_VALUE);
        assertThat(DeploymentBlockFinder.find(0, chain)).isEmpty();
    }

    @Test
    void shouldReportNoContractWithOneQuestionWhenTheHeadHasNoCode() {
        FakeChain chain = new FakeChain(400_000_000, Long.MAX_VALUE);
        assertThat(DeploymentBlockFinder.find(chain.head, chain)).isEmpty();
        assertThat(chain.asked).containsExactly(400_000_000L);
    }

    @Test
    void shouldFindTheFirstBlockWithCodeForEveryDeploymentOnSmallChains() {
        for (long head = 0; head <= 70; head++) {
            for (long deployed = 0; deployed <= head; deployed++) {
                FakeChain chain = new FakeChain(head, deployed);
                Optional<Found> found = DeploymentBlockFinder.find(head, chain);
                assertThat(found).as("head %d, deployed %d", head, deployed).isPresent();
                assertThat(found.get().block()).as("head %d, deployed %d", head, deployed).isEqualTo(deployed);
                assertThat(found.get().calls()).isEqualTo(chain.asked.size()).isLessThanOrEqualTo(maxCalls(head));
            }
        }
    }

    @Test
    void shouldNeedAboutLog2OfTheHeadCallsOnAnArbitrumSizedChain() {
        FakeChain chain = new FakeChain(400_000_000, 70_398_215);
        Found found = DeploymentBlockFinder.find(chain.head, chain).orElseThrow();
        assertThat(found.block()).isEqualTo(70_398_215);
        assertThat(found.calls()).isLessThanOrEqualTo(30);
    }

    @Test
    void shouldRefuseANegativeHead() {
        assertThatThrownBy(() -> DeploymentBlockFinder.find(-1, block -> true)).isInstanceOf(IllegalArgumentException.class);
    }
}
