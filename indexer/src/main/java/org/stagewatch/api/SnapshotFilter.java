package org.stagewatch.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stagewatch.store.Store;

/**
 * Computes each API answer in one snapshot of the database: the request runs inside one transaction —
 * {@code REPEATABLE READ} on PostgreSQL (read-only, as every connection of the API's pool), a read transaction on
 * SQLite (its first read fixes the snapshot of the write-ahead log) — and every read of the store on the request's
 * thread joins it (Jdbi hands nested calls the thread's open handle). So an answer never mixes rows from before and
 * after an indexer's commit — several API replicas can serve while indexers write — and on SQLite a request opens
 * one connection, not one per read.
 */
final class SnapshotFilter extends OncePerRequestFilter {
    private final Store store;

    SnapshotFilter(Store store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (store.database().isSqlite()) {
                store.jdbi().useTransaction(handle -> chain.doFilter(request, response));
            } else {
                store.jdbi().useTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> chain.doFilter(request, response));
            }
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
