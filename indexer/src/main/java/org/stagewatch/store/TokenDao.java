package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Read queries over the votes-token tables. Power of a delegate at block B is {@code new_votes} of
 * its last voting_power row at or before B (DESIGN.md §5): exactly getPastVotes for block clocks.
 */
@RegisterConstructorMapper(TokenDao.DelegatePower.class)
@RegisterConstructorMapper(TokenDao.DelegatorCount.class)
public interface TokenDao {

    record DelegatePower(String delegate, String power) {
    }

    record DelegatorCount(String delegate, long delegators) {
    }

    /** Delegates with positive power at B: one index seek per delegate known by B (see {@link PowerQueries}). */
    @SqlQuery("""
            SELECT delegate, power FROM (
                SELECT d.delegate,
                       (SELECT v.new_votes FROM voting_power v
                        WHERE v.chain_id = d.chain_id AND v.token = d.token AND v.delegate = d.delegate
                          AND v.block_number <= :block
                        ORDER BY v.block_number DESC, v.log_index DESC LIMIT 1) AS power
                FROM delegates d WHERE d.chain_id = :chainId AND d.token = :token AND d.block_number <= :block
            ) latest WHERE power <> '0'
            """)
    List<DelegatePower> powersAt(@Bind("chainId") long chainId, @Bind("token") String token, @Bind("block") long block);

    @SqlQuery("""
            SELECT new_votes FROM voting_power
            WHERE chain_id = :chainId AND token = :token AND delegate = :delegate AND block_number <= :block
            ORDER BY block_number DESC, log_index DESC LIMIT 1
            """)
    Optional<String> powerAt(@Bind("chainId") long chainId, @Bind("token") String token,
                             @Bind("delegate") String delegate, @Bind("block") long block);

    /** Delegators whose latest delegation at or before B points at each delegate (self-delegation included). */
    @SqlQuery("""
            SELECT to_delegate AS delegate, COUNT(*) AS delegators FROM (
                SELECT delegator, to_delegate,
                       ROW_NUMBER() OVER (PARTITION BY delegator ORDER BY block_number DESC, log_index DESC) AS position
                FROM delegations WHERE chain_id = :chainId AND token = :token AND block_number <= :block
            ) latest WHERE position = 1 AND to_delegate <> '0x0000000000000000000000000000000000000000'
            GROUP BY to_delegate
            """)
    List<DelegatorCount> delegatorCountsAt(@Bind("chainId") long chainId, @Bind("token") String token,
                                           @Bind("block") long block);
}
