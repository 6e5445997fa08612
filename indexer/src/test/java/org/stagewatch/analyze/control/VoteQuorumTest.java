package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * The quorum at block B over a hand-written store: quorum(B − 1) from a stored reading for exactly that
 * timepoint, else the fraction rule from indexed numerator events, the denominator reading and the total
 * supply — with the timepoint in each clock a governor may count in — and unknown, saying what is missing,
 * whenever one of them is, or the rule contradicts a stored reading.
 */
class VoteQuorumTest {
    static final long CHAIN = 1;
    static final String GOVERNOR = "0x00000000000000000000000000000000000a0001";
    static final String TOKEN = "0x00000000000000000000000000000000000b0001";
    static final String ZERO = "0x0000000000000000000000000000000000000000";
    static final String HOLDER = "0x00000000000000000000000000000000000c0001";
    static final ContractRow WITH_TRANSFERS = new ContractRow("dao", CHAIN, TOKEN, "votes-token", "Token", 0, false, true);
    static final ContractRow WITHOUT_TRANSFERS = new ContractRow("dao", CHAIN, TOKEN, "votes-token", "Token", 0, false, false);
    static final Node GOVERNOR_NODE = new Node(CHAIN, GOVERNOR);

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void writeStore() {
        store = new Store(Database.open(dir.resolve("quorum.db").toString()));
        // the numerator is 4% from block 10 and 5% from block 25; 1000 minted at 10, 100 burned at 22
        setting("quorumNumerator", "0", "4", 10);
        setting("quorumNumerator", "4", "5", 25);
        read(GOVERNOR, "quorumDenominator", "", "100", 10);
        transfer(ZERO, HOLDER, "1000", 10);
        transfer(HOLDER, ZERO, "100", 22);
    }

    private void setting(String name, String oldValue, String newValue, long block) {
        store.jdbi().useHandle(handle -> handle.execute("INSERT INTO governor_settings (chain_id, governor, setting, old_value, new_value,"
                + " block_number, log_index) VALUES (?, ?, ?, ?, ?, ?, 0)", CHAIN, GOVERNOR, name, oldValue, newValue, block));
    }

    private void read(String address, String name, String args, String value, long block) {
        store.jdbi().useHandle(handle -> handle.execute("INSERT INTO state_reads (chain_id, address, name, args, value, block_number)"
                + " VALUES (?, ?, ?, ?, ?, ?)", CHAIN, address, name, args, value, block));
    }

    private void transfer(String from, String to, String value, long block) {
        store.jdbi().useHandle(handle -> handle.execute("INSERT INTO transfers (chain_id, token, from_address, to_address, value,"
                + " block_number, log_index, tx_hash) VALUES (?, ?, ?, ?, ?, ?, 1, '0xt')", CHAIN, TOKEN, from, to, value, block));
    }

    private void header(long number, long time, Long l1Block) {
        store.jdbi().useHandle(handle -> handle.execute("INSERT INTO blocks (chain_id, block_number, block_hash, parent_hash, block_time,"
                + " l1_block_number) VALUES (?, ?, ?, ?, ?, ?)", CHAIN, number, "0xh" + number, "0xh" + (number - 1), time, l1Block));
    }

    private VoteQuorum.Quorum at(ContractRow token, long block) {
        return new VoteQuorum(store).at(GOVERNOR_NODE, token, block);
    }

    @Test
    void shouldDeriveQuorumOfTheBlockBeforeFromNumeratorDenominatorAndMintsMinusBurns() {
        assertThat(at(WITH_TRANSFERS, 22)).satisfies(quorum -> {
            assertThat(quorum.timepoint()).isEqualTo(21);
            assertThat(quorum.value()).as("1000 × 4 / 100: the burn of block 22 is not in quorum(21)").isEqualTo(BigInteger.valueOf(40));
            assertThat(quorum.source()).startsWith(VoteQuorum.FRACTION).contains("mints − burns");
        });
        assertThat(at(WITH_TRANSFERS, 23).value()).as("900 × 4 / 100").isEqualTo(BigInteger.valueOf(36));
        assertThat(at(WITH_TRANSFERS, 25).value()).as("the numerator set in block 25 is not in quorum(24)").isEqualTo(BigInteger.valueOf(36));
        assertThat(at(WITH_TRANSFERS, 26).value()).as("900 × 5 / 100").isEqualTo(BigInteger.valueOf(45));
    }

    @Test
    void shouldPreferAStoredReadingForExactlyThatTimepoint() {
        read(GOVERNOR, "quorum", "29", "45", 40);
        read(GOVERNOR, "quorum", "28", "44", 40); // another timepoint's reading says nothing about quorum(29)
        assertThat(at(WITHOUT_TRANSFERS, 30)).satisfies(quorum -> {
            assertThat(quorum.value()).isEqualTo(BigInteger.valueOf(45));
            assertThat(quorum.source()).isEqualTo(VoteQuorum.READ);
        });
        assertThat(at(WITHOUT_TRANSFERS, 31).value()).as("no quorum(30) and no supply: unknown, not quorum(29)").isNull();
    }

    @Test
    void shouldSayWhatIsMissingInsteadOfStandingInAnotherBar() {
        assertThat(at(WITHOUT_TRANSFERS, 30)).satisfies(quorum -> {
            assertThat(quorum.value()).isNull();
            assertThat(quorum.timepoint()).isEqualTo(29);
            assertThat(quorum.unknown()).isEqualTo("no quorum(29) reading is stored, and the token's total supply at 29 is unknown"
                    + " (index the token with transfers: true)");
        });
        read(TOKEN, "getPastTotalSupply", "29", "2000", 40);
        assertThat(at(WITHOUT_TRANSFERS, 30).value()).as("2000 × 5 / 100").isEqualTo(BigInteger.valueOf(100));
        assertThat(at(WITH_TRANSFERS, 9).unknown()).contains("no QuorumNumeratorUpdated of the governor is indexed up to block 8");
        assertThat(at(WITH_TRANSFERS, 0).unknown()).contains("no timepoint lies before it");
    }

    @Test
    void shouldRefuseTheRuleWhereItContradictsAStoredReading() {
        read(GOVERNOR, "quorum", "15", "39", 40); // the rule gives 1000 × 4 / 100 = 40: this governor counts otherwise
        assertThat(at(WITH_TRANSFERS, 30)).satisfies(quorum -> {
            assertThat(quorum.value()).isNull();
            assertThat(quorum.unknown()).contains("stored quorum(15) is 39 where totalSupply × numerator / denominator gives 40");
        });
        assertThat(at(WITH_TRANSFERS, 16).value()).as("its own reading still counts").isEqualTo(BigInteger.valueOf(39));
    }

    @Test
    void shouldRefuseAGovernorWithoutADenominator() {
        store.jdbi().useHandle(handle -> handle.execute("DELETE FROM state_reads WHERE name = 'quorumDenominator'"));
        read(GOVERNOR, "quorumDenominator", "", "unsupported", 10);
        assertThat(at(WITH_TRANSFERS, 30).unknown()).contains("no quorumDenominator() read");
    }

    @Test
    void shouldCountATimestampClockInSecondsBeforeTheBlocksOwnTime() {
        read(GOVERNOR, "CLOCK_MODE", "", "mode=timestamp", 10);
        header(10, 1_000, null);
        header(22, 1_120, null);
        header(25, 1_150, null);
        header(30, 1_200, null);
        assertThat(at(WITH_TRANSFERS, 30)).satisfies(quorum -> {
            assertThat(quorum.timepoint()).isEqualTo(1_199);
            assertThat(quorum.value()).as("block 25 is the last at or before 1199: 900 × 5 / 100").isEqualTo(BigInteger.valueOf(45));
        });
        assertThat(at(WITH_TRANSFERS, 25).value()).as("quorum(1149) sees block 22: 900 × 4 / 100").isEqualTo(BigInteger.valueOf(36));
        assertThat(at(WITH_TRANSFERS, 29).unknown()).isEqualTo("block 29's header is not stored, so its time (the governor's clock) is unknown");
    }

    @Test
    void shouldCountInL1BlocksWhereTheHeadersCarryThem() {
        header(10, 1_000, 500L);
        header(22, 1_120, 510L);
        header(30, 1_200, 520L);
        assertThat(at(WITH_TRANSFERS, 30)).satisfies(quorum -> {
            assertThat(quorum.timepoint()).isEqualTo(519);
            assertThat(quorum.value()).as("L1 block 519 sees block 22, before the numerator change").isEqualTo(BigInteger.valueOf(36));
        });
        assertThat(at(WITH_TRANSFERS, 22).value()).as("L1 509 sees block 10").isEqualTo(BigInteger.valueOf(40));
        assertThat(at(WITH_TRANSFERS, 26).unknown()).contains("L1 block number (the governor's clock) is unknown");
    }
}
