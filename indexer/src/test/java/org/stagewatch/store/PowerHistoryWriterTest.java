package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed power history against the rows it is derived from: after every range, pack and rollback,
 * the power of every delegate at every block read through {@link PowerQueries#history} equals the last
 * voting_power row at or before it — on SQLite, and on PostgreSQL when {@value TestDatabases#POSTGRES_VARIABLE}
 * is set.
 */
class PowerHistoryWriterTest {
    private static final String TOKEN = "0x" + "1".repeat(40);

    @TempDir
    Path dir;
    private TestDatabases databases;

    @BeforeEach
    void databases() {
        databases = new TestDatabases(dir);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        databases.close();
    }

    /** One voting_power row of the model. */
    private record Row(long block, int logIndex, String delegate, BigInteger power) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldMatchVotingPowerAtEveryBlockThroughRangesPacksAndRollbacks(String kind) throws Exception {
        Database database = Database.open(databases.target(kind));
        Store store = new Store(database);
        Random random = new Random(11);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.add("0x%040x".formatted(random.nextLong() & Long.MAX_VALUE));
        }
        List<Row> model = new ArrayList<>();
        long head = 0;
        int rollbacks = 0;
        for (int step = 0; step < 60; step++) {
            if (head > 0 && random.nextInt(4) == 0) {
                long fork = head - random.nextInt((int) Math.min(head, 9) + 1);
                store.rollbackAbove(1, fork, "0xfork");
                model.removeIf(row -> row.block() > fork);
                head = fork;
                rollbacks++;
                // the rows between the packed coverage left and the fork point are read from voting_power (the tail)
                checkPointReads(database, model, pool, fork);
            }
            long to = head + 1 + random.nextInt(5);
            List<Row> range = new ArrayList<>();
            for (long block = head + 1; block <= to; block++) {
                int rows = random.nextInt(4);
                for (int logIndex = 0; logIndex < rows; logIndex++) {
                    BigInteger power = random.nextInt(6) == 0 ? BigInteger.ZERO : new BigInteger(1 + random.nextInt(256), random);
                    // new delegates keep appearing, as on a real chain: a pack numbers some that a rollback then removes
                    int known = (int) Math.min(pool.size(), 2 + block / 3);
                    range.add(new Row(block, logIndex, pool.get(random.nextInt(known)), power));
                }
            }
            insert(database.jdbi(), range);
            model.addAll(range);
            long through = to;
            // tiny chunks and snapshots, so that a few dozen rows cross many of each
            database.jdbi().useTransaction(handle -> new PowerHistoryWriter(handle.getConnection(), 1, TOKEN, 3, 4).packThrough(through));
            head = to;
            checkAgainst(database, model, pool, head);
        }
        assertThat(rollbacks).as("rollbacks the seed produced").isGreaterThan(5);
        assertThat(count(database, "SELECT COUNT(*) FROM power_snapshots")).as("snapshots left at the end").isGreaterThan(1);
        assertThat(count(database, "SELECT COUNT(*) FROM power_chunks")).as("chunks left at the end").isGreaterThan(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldKeepSnapshotsValidWhenARollbackRemovesDelegatesNumberedInTheSamePack(String kind) throws Exception {
        Database database = Database.open(databases.target(kind));
        Store store = new Store(database);
        String alice = "0x" + "a".repeat(40);
        String bob = "0x" + "b".repeat(40);
        insert(database.jdbi(), List.of(new Row(1, 0, alice, BigInteger.ONE), new Row(2, 0, alice, BigInteger.TWO),
                new Row(3, 0, bob, BigInteger.TEN)));
        // one pack numbers alice 0 and bob 1 and snapshots at block 2, before bob's first checkpoint
        database.jdbi().useTransaction(handle -> new PowerHistoryWriter(handle.getConnection(), 1, TOKEN, 1, 1).packThrough(3));
        assertThat(count(database, "SELECT block_number FROM power_snapshots")).isEqualTo(2);
        store.rollbackAbove(1, 2, "0xb2"); // bob and his id go; the snapshot at 2 stays
        List<Row> model = new ArrayList<>(List.of(new Row(1, 0, alice, BigInteger.ONE), new Row(2, 0, alice, BigInteger.TWO)));
        List<Row> branch = List.of(new Row(3, 0, alice, BigInteger.valueOf(3)), new Row(4, 0, alice, BigInteger.valueOf(4)));
        insert(database.jdbi(), branch);
        model.addAll(branch);

        database.jdbi().useTransaction(handle -> new PowerHistoryWriter(handle.getConnection(), 1, TOKEN, 1, 1).packThrough(4));

        assertThat(count(database, "SELECT COUNT(*) FROM power_snapshots")).as("snapshots at 2, 3 and 4").isEqualTo(3);
        checkAgainst(database, model, List.of(alice, bob), 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldPackTheHistoryAnOlderDatabaseHoldsWhenMigrating(String kind) throws Exception {
        String target = databases.target(kind);
        String url = target.startsWith("jdbc:") ? target : "jdbc:sqlite:" + target;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4")
                .placeholders(Map.of("blob", kind.equals("sqlite") ? "BLOB" : "BYTEA")).load().migrate();
        Random random = new Random(3);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pool.add("0x%040x".formatted(random.nextLong() & Long.MAX_VALUE));
        }
        List<Row> model = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            model.add(new Row(1 + i / 7, i % 7, pool.get(random.nextInt(pool.size())), new BigInteger(90, random)));
        }
        Jdbi older = Jdbi.create(url);
        insert(older, model);
        long last = model.get(model.size() - 1).block();
        older.useHandle(handle -> handle.execute(
                "INSERT INTO sync_checkpoints (chain_id, block_number, block_hash, updated_at) VALUES (1, ?, '0xh', 'then')", last));

        Database migrated = Database.open(target);

        assertThat(count(migrated, "SELECT COUNT(*) FROM delegates WHERE delegate_id IS NULL")).isZero();
        assertThat(count(migrated, "SELECT SUM(row_count) FROM power_chunks")).isEqualTo(model.size());
        assertThat(count(migrated, "SELECT COUNT(*) FROM power_snapshots")).as("a snapshot after 65,536 rows").isEqualTo(1);
        long snapshot = count(migrated, "SELECT block_number FROM power_snapshots");
        for (long block : new long[] {0, 1, 4_000, snapshot - 1, snapshot, snapshot + 1, last - 1, last}) {
            assertThat(powersAt(migrated, block, pool)).as("block %d", block).isEqualTo(expectedAt(model, block));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldRefuseACheckpointOfADelegateTheStoreNeverRecorded(String kind) throws Exception {
        Database database = Database.open(databases.target(kind));
        database.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO voting_power (chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash)
                VALUES (1, ?, '0xabc', '0', '5', 3, 0, '0xt')""", TOKEN));

        assertThatThrownBy(() -> database.jdbi().useTransaction(handle -> PowerHistoryWriter.pack(handle.getConnection(), 1, TOKEN, 3)))
                .isInstanceOf(StoreException.class).hasMessageContaining("0xabc").hasMessageContaining("block 3");
    }

    private static void insert(Jdbi jdbi, List<Row> rows) throws Exception {
        jdbi.useTransaction(handle -> {
            Connection connection = handle.getConnection();
            try (PreparedStatement power = connection.prepareStatement("""
                    INSERT INTO voting_power (chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash)
                    VALUES (1, ?, ?, '0', ?, ?, ?, '0xt')""");
                 PreparedStatement delegate = connection.prepareStatement("""
                         INSERT INTO delegates (chain_id, token, delegate, block_number) VALUES (1, ?, ?, ?)
                         ON CONFLICT (chain_id, token, delegate) DO NOTHING""")) {
                for (Row row : rows) {
                    power.setString(1, TOKEN);
                    power.setString(2, row.delegate());
                    power.setString(3, row.power().toString());
                    power.setLong(4, row.block());
                    power.setInt(5, row.logIndex());
                    power.addBatch();
                    delegate.setString(1, TOKEN);
                    delegate.setString(2, row.delegate());
                    delegate.setLong(3, row.block());
                    delegate.addBatch();
                }
                power.executeBatch();
                delegate.executeBatch();
            }
        });
    }

    private static void checkAgainst(Database database, List<Row> model, List<String> pool, long head) {
        for (long block = 0; block <= head; block++) {
            assertThat(powersAt(database, block, pool)).as("powers at block %d of %d", block, head).isEqualTo(expectedAt(model, block));
        }
        checkPointReads(database, model, pool, head / 2, head);
        // one pass from the start, sampled at every block as a series samples
        Map<Long, Map<String, BigInteger>> sampled = pass(database, 0, head, pool);
        for (long block = 0; block <= head; block++) {
            assertThat(sampled.get(block)).as("series state at block %d", block).isEqualTo(expectedAt(model, block));
        }
        // delegate ids: 0, 1, 2, … in order of (first sighting, address)
        List<String> byId = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT delegate FROM delegates WHERE token = :token ORDER BY delegate_id").bind("token", TOKEN).mapTo(String.class).list());
        List<String> bySighting = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT delegate FROM delegates WHERE token = :token ORDER BY block_number, delegate").bind("token", TOKEN).mapTo(String.class).list());
        assertThat(byId).isEqualTo(bySighting);
        assertThat(count(database, "SELECT COALESCE(MAX(delegate_id) + 1, 0) FROM delegates")).isEqualTo(bySighting.size());
        // chunks: disjoint, in order, holding every row up to the last one's end
        List<long[]> chunks = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT first_block, block_number, row_count FROM power_chunks ORDER BY block_number")
                .map((rows, context) -> new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)}).list());
        long previousEnd = -1;
        long packed = 0;
        for (long[] chunk : chunks) {
            assertThat(chunk[0]).isGreaterThan(previousEnd).isLessThanOrEqualTo(chunk[1]);
            previousEnd = chunk[1];
            packed += chunk[2];
        }
        long end = previousEnd;
        assertThat(packed).isEqualTo(model.stream().filter(row -> row.block() <= end).count());
    }

    /**
     * The point-in-time reads the analytics and the CLI use ({@link PowerQueries#powersAt}: every delegate with power,
     * named from the delegates table; {@link PowerQueries#powerAt} for one of them) equal the model at each block.
     */
    private static void checkPointReads(Database database, List<Row> model, List<String> pool, long... blocks) {
        PowerQueries queries = new PowerQueries(database);
        for (long block : blocks) {
            Map<String, BigInteger> expected = expectedAt(model, block);
            Map<String, BigInteger> named = new TreeMap<>();
            queries.powersAt(1, TOKEN, block).forEach(power -> named.put(power.delegate(), power.power()));
            assertThat(named).as("powersAt(%d)", block).isEqualTo(expected);
            String someone = pool.get((int) (block % pool.size()));
            assertThat(queries.powerAt(1, TOKEN, someone, block)).as("powerAt(%s, %d)", someone, block)
                    .isEqualTo(expected.getOrDefault(someone, BigInteger.ZERO));
        }
    }

    /** Powers at {@code block} read as a point in time: from the nearest snapshot. */
    private static Map<String, BigInteger> powersAt(Database database, long block, List<String> pool) {
        return pass(database, block, block, pool).get(block);
    }

    /** Reads the history from {@code start} through {@code through}, with the state at each block in between. */
    private static Map<Long, Map<String, BigInteger>> pass(Database database, long start, long through, List<String> pool) {
        Map<Long, Map<String, BigInteger>> states = new HashMap<>();
        Map<Integer, BigInteger> powers = new HashMap<>();
        Map<Integer, String> addresses = new HashMap<>();
        long[] next = {start};
        new PowerQueries(database).history(1, TOKEN, start, through, pool, new PowerQueries.HistorySink() {
            @Override
            public void start(int delegateIds, Map<String, Integer> ids) {
                ids.forEach((address, id) -> addresses.put(id, address));
                assertThat(ids.values()).allMatch(id -> id < delegateIds);
            }

            @Override
            public void rows(PowerRows rows) {
                for (int i = 0; i < rows.size; i++) {
                    while (next[0] < rows.blocks[i]) {
                        states.put(next[0]++, named(powers, addresses));
                    }
                    BigInteger power = BigInteger.ZERO;
                    for (int limb = 3; limb >= 0; limb--) {
                        power = power.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(rows.limbs[i * 4 + limb])));
                    }
                    powers.put(rows.ids[i], power);
                }
            }
        });
        while (next[0] <= through) {
            states.put(next[0]++, named(powers, addresses));
        }
        return states;
    }

    private static Map<String, BigInteger> named(Map<Integer, BigInteger> powers, Map<Integer, String> addresses) {
        Map<String, BigInteger> named = new TreeMap<>();
        powers.forEach((id, power) -> {
            if (power.signum() > 0) {
                named.put(addresses.getOrDefault(id, "unknown id " + id), power);
            }
        });
        return named;
    }

    private static Map<String, BigInteger> expectedAt(List<Row> model, long block) {
        Map<String, BigInteger> last = new TreeMap<>();
        model.stream().filter(row -> row.block() <= block)
                .sorted(Comparator.comparingLong(Row::block).thenComparingInt(Row::logIndex))
                .forEach(row -> last.put(row.delegate(), row.power()));
        last.values().removeIf(power -> power.signum() == 0);
        return last;
    }

    private static long count(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
