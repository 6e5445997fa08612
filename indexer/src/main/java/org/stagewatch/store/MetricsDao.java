package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The small reads around voting-power metrics: quorum settings, mints and burns, clock → block. */
@RegisterConstructorMapper(BlockHeader.class)
@RegisterConstructorMapper(MetricsDao.SupplyChange.class)
public interface MetricsDao {
    String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /** A mint (from = 0x0) or burn (to = 0x0) as indexed from Transfer events. */
    record SupplyChange(long blockNumber, String fromAddress, String toAddress, String value) {
    }

    /** The governor's quorumNumerator at block B (from QuorumNumeratorUpdated events), if any was indexed. */
    @SqlQuery("""
            SELECT new_value FROM governor_settings
            WHERE chain_id = :chainId AND governor = :governor AND setting = 'quorumNumerator' AND block_number <= :block
            ORDER BY block_number DESC, log_index DESC LIMIT 1
            """)
    Optional<String> quorumNumeratorAt(@Bind("chainId") long chainId, @Bind("governor") String governor,
                                       @Bind("block") long block);

    @SqlQuery("""
            SELECT block_number, from_address, to_address, value FROM transfers
            WHERE chain_id = :chainId AND token = :token AND block_number <= :block
              AND (from_address = :zero OR to_address = :zero)
            ORDER BY block_number, log_index
            """)
    List<SupplyChange> transfersWith(@Bind("chainId") long chainId, @Bind("token") String token,
                                     @Bind("block") long block, @Bind("zero") String zero);

    default List<SupplyChange> mintsAndBurns(long chainId, String token, long block) {
        return transfersWith(chainId, token, block, ZERO_ADDRESS);
    }

    /** Proposal snapshots on a chain before {@code clock} with no stored getPastTotalSupply reading of the token yet. */
    @SqlQuery("""
            SELECT DISTINCT p.vote_start FROM proposals p
            WHERE p.chain_id = :chainId AND p.vote_start < :clock
              AND NOT EXISTS (SELECT 1 FROM state_reads s
                              WHERE s.chain_id = p.chain_id AND s.address = :token AND s.name = 'getPastTotalSupply'
                                AND s.args = CAST(p.vote_start AS TEXT))
            ORDER BY p.vote_start
            """)
    List<Long> snapshotsWithoutSupply(@Bind("chainId") long chainId, @Bind("token") String token, @Bind("clock") long clock);

    /** The last stored block whose Arbitrum L1 block number is at or before {@code l1Block}. */
    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND l1_block_number <= :l1Block
            ORDER BY l1_block_number DESC, block_number DESC LIMIT 1
            """)
    Optional<BlockHeader> blockAtOrBeforeL1(@Bind("chainId") long chainId, @Bind("l1Block") long l1Block);
}
