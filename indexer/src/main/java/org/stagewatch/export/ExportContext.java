package org.stagewatch.export;

import org.jdbi.v3.core.Handle;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.store.Store;

/**
 * What every table of one export reads: the store, the DAO, and one handle whose transaction all the SQL reads share,
 * so the files read through views agree with one another even while an indexer commits.
 */
record ExportContext(Store store, DaoScope dao, Handle handle) {
}
