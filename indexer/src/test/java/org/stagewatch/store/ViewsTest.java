package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The views' arithmetic on uint256 text (V13): tallies are exact sums however large the weights (up to 2²⁵⁶ − 1 each,
 * thousands of them), and amounts in whole tokens are the base units moved by the token's own decimals, exactly —
 * on SQLite (limb sums) and on PostgreSQL (NUMERIC) alike.
 */
class ViewsTest {
    private static final String GOVERNOR = "0x00000000000000000000000000000000000000a1";
    private static final String TOKEN = "0x00000000000000000000000000000000000000b1";
    private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    @TempDir
    Path dir;
    private TestDatabases databases;

    @BeforeEach
    void open() {
        databases = new TestDatabases(dir);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldSumHugeWeightsExactlyAndShowThemInTheTokensDecimals(String kind) throws Exception {
        Store store = new Store(Database.open(databases.target(kind)));
        store.withSync(sync -> {
            sync.insertContracts(List.of(new ContractRow("dao", 1, GOVERNOR, "governor", "Governor", 0, false, false),
                    new ContractRow("dao", 1, TOKEN, "votes-token", "Token", 0, false, false)));
            return null;
        });
        store.jdbi().useExtension(StateReadDao.class, reads -> reads.insert(List.of(new StateRead(1, TOKEN, "decimals", "", "6", 0))));
        Random random = new Random(7);
        BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        List<Object[]> votes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int support = i % 3;
            BigInteger weight = switch (i % 7) {
                case 0 -> MAX;
                case 1 -> BigInteger.valueOf(random.nextInt(1000));
                case 2 -> BigInteger.ZERO;
                default -> new BigInteger(1 + random.nextInt(256), random);
            };
            sums[support] = sums[support].add(weight);
            votes.add(new Object[] {support, weight.toString(), i});
        }
        store.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO proposals (chain_id, governor, proposal_id, variant, proposer, targets, amounts, signatures, "
                    + "calldatas, vote_start, vote_end, description, block_number, log_index, tx_hash) VALUES (1, ?, '1', 'oz', ?, '[]', "
                    + "'[]', '[]', '[]', 1, 2, 'x', 1, 0, '0x01')", GOVERNOR, TOKEN);
            handle.execute("INSERT INTO proposals (chain_id, governor, proposal_id, variant, proposer, targets, amounts, signatures, "
                    + "calldatas, vote_start, vote_end, description, block_number, log_index, tx_hash) VALUES (1, ?, '2', 'oz', ?, '[]', "
                    + "'[]', '[]', '[]', 1, 2, 'no votes', 1, 1, '0x01')", GOVERNOR, TOKEN);
            var batch = handle.prepareBatch("INSERT INTO votes (chain_id, governor, proposal_id, voter, support, weight, reason, "
                    + "block_number, log_index, tx_hash) VALUES (1, :governor, '1', :voter, :support, :weight, '', 2, :index, '0x02')");
            for (Object[] vote : votes) {
                batch.bind("governor", GOVERNOR).bind("voter", "0x" + String.format("%040x", (Integer) vote[2] % 500))
                        .bind("support", (int) vote[0]).bind("weight", (String) vote[1]).bind("index", (int) vote[2]).add();
            }
            batch.execute();
        });
        Map<String, Object> tally = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT * FROM proposal_tallies WHERE proposal_id = '1'").mapToMap().one());
        assertThat(tally.get("against_votes")).isEqualTo(sums[0].toString());
        assertThat(tally.get("for_votes")).isEqualTo(sums[1].toString());
        assertThat(tally.get("abstain_votes")).isEqualTo(sums[2].toString());
        assertThat(tally.get("for_votes_tokens")).isEqualTo(new BigDecimal(sums[1]).movePointLeft(6).toPlainString());
        assertThat(sums[1].toString()).hasSizeGreaterThan(78); // more than one uint256 can hold: the carries all propagate
        assertThat(((Number) tally.get("for_voters")).intValue()).isEqualTo(500); // 3,000 ballots of 500 voters on every side
        Map<String, Object> empty = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT for_votes, for_votes_tokens, for_voters FROM proposal_tallies WHERE proposal_id = '2'").mapToMap().one());
        assertThat(empty).containsEntry("for_votes", "0").containsEntry("for_votes_tokens", "0.000000");

        for (String amount : List.of("0", "5", "999999", "1000000", "1234567", MAX.toString())) {
            String shown = store.jdbi().withHandle(handle -> handle.createQuery("SELECT weight_tokens FROM vote_history WHERE weight = :w")
                    .bind("w", amount).mapTo(String.class).findFirst().orElse(null));
            if (shown != null) {
                assertThat(shown).as(amount).isEqualTo(new BigDecimal(new BigInteger(amount)).movePointLeft(6).toPlainString());
            }
        }
        Optional<String> largest = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT weight_tokens FROM vote_history WHERE weight = :w").bind("w", MAX.toString()).mapTo(String.class).findFirst());
        assertThat(largest).contains(new BigDecimal(MAX).movePointLeft(6).toPlainString());
    }
}
