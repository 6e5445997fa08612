package org.stagewatch.analyze;

import java.util.List;
import java.util.stream.Collectors;

import org.stagewatch.config.ContractKind;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * The contracts of one DAO as recorded in the database (so queries need no config file), with the
 * governors and votes tokens picked out.
 */
public record DaoScope(String daoId, List<ContractRow> contracts) {

    public static DaoScope load(Store store, String daoId) {
        List<ContractRow> rows = store.withSync(sync -> sync.contracts(daoId));
        if (rows.isEmpty()) {
            List<String> known = store.withSync(sync -> sync.contracts()).stream().map(ContractRow::daoId)
                    .distinct().toList();
            throw new UnknownDaoException(daoId, "no DAO '%s' in %s (indexed DAOs: %s)".formatted(daoId,
                    store.database().location(), known.isEmpty() ? "none — run stagewatch index first"
                            : String.join(", ", known)));
        }
        return new DaoScope(daoId, rows);
    }

    public List<ContractRow> ofKind(ContractKind kind) {
        return contracts.stream().filter(row -> row.kind().equals(kind.configName())).toList();
    }

    public List<ContractRow> governors() {
        return ofKind(ContractKind.GOVERNOR);
    }

    public ContractRow token() {
        List<ContractRow> tokens = ofKind(ContractKind.VOTES_TOKEN);
        if (tokens.isEmpty()) {
            throw new AnalyzeException("DAO '%s' has no votes-token contract (it has: %s)".formatted(daoId,
                    contracts.stream().map(ContractRow::kind).distinct().collect(Collectors.joining(", "))));
        }
        return tokens.get(0);
    }
}
