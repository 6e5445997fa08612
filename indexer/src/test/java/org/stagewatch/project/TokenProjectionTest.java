package org.stagewatch.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.TokenDao;

/**
 * The accuracy traps other indexers fell into (events.md): several token events in one transaction,
 * a no-op A→A redelegation, two redelegations in one transaction, mixed-case addresses. Logs are
 * ABI-encoded the way ERC20Votes emits them, decoded, projected and stored, then queried.
 */
class TokenProjectionTest {
    static final String DELEGATE_CHANGED = "0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f";
    static final String DELEGATE_VOTES_CHANGED = "0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724";
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String TOKEN = "0x912ce59144191c1204e64559fe8253a0e49e6548";
    static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    static final String BOB = "0x0000000000000000000000000000000000000b0b";
    static final String CAROL = "0x00000000000000000000000000000000000ca201";
    static final String DAVE = "0x0000000000000000000000000000000000000da5";
    static final String ZERO = "0x0000000000000000000000000000000000000000";

    @TempDir
    Path dir;
    Store store;
    final EventDecoder decoder = EventDecoder.standard();
    final List<RawLog> logs = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = new Store(Database.open(dir.resolve("t.db").toString()));
    }

    private static String word(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static String uint(long value) {
        return "%064x".formatted(value);
    }

    private void emit(long block, String tx, List<String> topics, String data) {
        logs.add(new RawLog(1, block, "0xblock" + block, tx, 0, (int) logs.stream().filter(l -> l.blockNumber() == block).count(),
                TOKEN, topics, data));
    }

    private void delegateChanged(long block, String tx, String delegator, String from, String to) {
        emit(block, tx, List.of(DELEGATE_CHANGED, word(delegator), word(from), word(to)), "0x");
    }

    private void votesChanged(long block, String tx, String delegate, long before, long after) {
        emit(block, tx, List.of(DELEGATE_VOTES_CHANGED, word(delegate)), "0x" + uint(before) + uint(after));
    }

    private void transfer(long block, String tx, String from, String to, long value) {
        emit(block, tx, List.of(TRANSFER, word(from), word(to)), "0x" + uint(value));
    }

    private void index(long toBlock) {
        ProjectedBatch rows = new ProjectedBatch();
        VotesTokenProjector projector = new VotesTokenProjector();
        for (RawLog log : logs) {
            decoder.decode(ContractKind.VOTES_TOKEN, log).ifPresent(event ->
                    projector.project(event, new Projector.ContractOptions(true), rows));
        }
        store.writeRange(logs, List.of(new BlockHeader(1, toBlock, "0xblock" + toBlock, "0xparent", 1, null)), rows,
                List.of(), new Checkpoint(1, toBlock, "0xblock" + toBlock));
    }

    private Map<String, String> powersAt(long block) {
        return new PowerQueries(store.database()).powersAt(1, TOKEN, block).stream()
                .collect(Collectors.toMap(PowerQueries.DelegatePower::delegate, power -> power.power().toString()));
    }

    private Map<String, Long> delegatorsAt(long block) {
        return store.jdbi().onDemand(TokenDao.class).delegatorCountsAt(1, TOKEN, block).stream()
                .collect(Collectors.toMap(TokenDao.DelegatorCount::delegate, TokenDao.DelegatorCount::delegators));
    }

    @Test
    void shouldTakeTheLastPowerOfTheBlockWhenDelegateAndTransferShareATransaction() {
        transfer(1, "0x0000000000000000000000000000000000000000000000000000000000000001", ZERO, ALICE, 100);
        delegateChanged(2, "0x0000000000000000000000000000000000000000000000000000000000000002", ALICE, ZERO, BOB);
        votesChanged(2, "0x0000000000000000000000000000000000000000000000000000000000000002", BOB, 0, 100);
        transfer(2, "0x0000000000000000000000000000000000000000000000000000000000000002", ALICE, CAROL, 40);
        votesChanged(2, "0x0000000000000000000000000000000000000000000000000000000000000002", BOB, 100, 60);
        index(2);

        assertThat(powersAt(1)).isEmpty();
        assertThat(powersAt(2)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, "60"));
        long transfers = store.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM transfers")
                .mapTo(Long.class).one());
        assertThat(transfers).isEqualTo(2);
    }

    @Test
    void shouldFollowTwoRedelegationsInOneTransactionToTheSecondDelegate() {
        delegateChanged(3, "0x0000000000000000000000000000000000000000000000000000000000000003", ALICE, ZERO, BOB);
        votesChanged(3, "0x0000000000000000000000000000000000000000000000000000000000000003", BOB, 0, 100);
        delegateChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", ALICE, BOB, CAROL);
        votesChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", BOB, 100, 0);
        votesChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", CAROL, 0, 100);
        delegateChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", ALICE, CAROL, DAVE);
        votesChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", CAROL, 100, 0);
        votesChanged(4, "0x0000000000000000000000000000000000000000000000000000000000000004", DAVE, 0, 100);
        index(4);

        assertThat(powersAt(3)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, "100"));
        assertThat(powersAt(4)).containsExactlyInAnyOrderEntriesOf(Map.of(DAVE, "100"));
        assertThat(delegatorsAt(4)).containsExactlyInAnyOrderEntriesOf(Map.of(DAVE, 1L));
    }

    @Test
    void shouldChangeNothingOnANoOpRedelegationToTheSameDelegate() {
        delegateChanged(5, "0x0000000000000000000000000000000000000000000000000000000000000005", ALICE, ZERO, BOB);
        votesChanged(5, "0x0000000000000000000000000000000000000000000000000000000000000005", BOB, 0, 100);
        delegateChanged(6, "0x0000000000000000000000000000000000000000000000000000000000000006", ALICE, BOB, BOB);
        index(6);

        assertThat(powersAt(6)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, "100"));
        assertThat(delegatorsAt(6)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, 1L));
    }

    @Test
    void shouldNormaliseMixedCaseAddressesInTopicsToLowerCase() {
        String mixedCase = word("0x00000000000000000000000000000000000A11CE");
        emit(7, "0x0000000000000000000000000000000000000000000000000000000000000007", List.of(DELEGATE_CHANGED, mixedCase, word(ZERO), word(BOB.toUpperCase().replace("0X", "0x"))), "0x");
        emit(7, "0x0000000000000000000000000000000000000000000000000000000000000007", List.of(DELEGATE_VOTES_CHANGED, word(BOB.toUpperCase().replace("0X", "0x"))), "0x" + uint(0) + uint(100));
        index(7);

        assertThat(powersAt(7)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, "100"));
        assertThat(delegatorsAt(7)).containsExactlyInAnyOrderEntriesOf(Map.of(BOB, 1L));
    }
}
