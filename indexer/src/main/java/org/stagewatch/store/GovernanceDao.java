package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.stagewatch.project.Rows;

/** Read queries over the governor tables. All "at block B" queries include rows with block_number ≤ B. */
@RegisterConstructorMapper(Rows.Proposal.class)
@RegisterConstructorMapper(Rows.ProposalEvent.class)
@RegisterConstructorMapper(Rows.Vote.class)
@RegisterConstructorMapper(Rows.GovernorSetting.class)
public interface GovernanceDao {

    @SqlQuery("""
            SELECT * FROM proposals WHERE chain_id = :chainId AND governor = :governor AND block_number <= :block
            ORDER BY block_number, log_index
            """)
    List<Rows.Proposal> proposals(@Bind("chainId") long chainId, @Bind("governor") String governor,
                                  @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM proposal_events WHERE chain_id = :chainId AND governor = :governor AND block_number <= :block
            ORDER BY block_number, log_index
            """)
    List<Rows.ProposalEvent> proposalEvents(@Bind("chainId") long chainId, @Bind("governor") String governor,
                                            @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM votes WHERE chain_id = :chainId AND governor = :governor AND block_number <= :block
            ORDER BY block_number, log_index
            """)
    List<Rows.Vote> votes(@Bind("chainId") long chainId, @Bind("governor") String governor, @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM governor_settings WHERE chain_id = :chainId AND governor = :governor AND block_number <= :block
            ORDER BY block_number, log_index
            """)
    List<Rows.GovernorSetting> settings(@Bind("chainId") long chainId, @Bind("governor") String governor,
                                        @Bind("block") long block);

    /** Snapshots of proposals whose snapshot lies before {@code clock} and whose quorum has not been read yet. */
    @SqlQuery("""
            SELECT DISTINCT p.vote_start FROM proposals p
            WHERE p.chain_id = :chainId AND p.governor = :governor AND p.vote_start < :clock
              AND NOT EXISTS (SELECT 1 FROM state_reads s
                              WHERE s.chain_id = p.chain_id AND s.address = p.governor AND s.name = 'quorum'
                                AND s.args = CAST(p.vote_start AS TEXT))
            ORDER BY p.vote_start
            """)
    List<Long> snapshotsWithoutQuorum(@Bind("chainId") long chainId, @Bind("governor") String governor,
                                      @Bind("clock") long clock);
}
