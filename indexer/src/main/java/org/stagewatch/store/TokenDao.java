package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Read queries over the votes-token tables that the packed power history does not answer. Voting power at
 * a block (DESIGN.md §5) is read from the packed copy by {@link PowerQueries#powersAt}.
 */
@RegisterConstructorMapper(TokenDao.DelegatorCount.class)
public interface TokenDao {

    record DelegatorCount(String delegate, long delegators) {
    }

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
