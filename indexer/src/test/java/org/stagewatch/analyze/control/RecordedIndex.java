package org.stagewatch.analyze.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.RecordedLogs;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projector;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * Indexes recorded logs (test resources logs/*.json) as the sync would: decoded as the given kind,
 * projected by the standard projector, and written one block per range with its header and checkpoint.
 */
final class RecordedIndex {
    private RecordedIndex() {
    }

    static Store of(Path database, ContractKind kind, String file) {
        Store store = new Store(Database.open(database.toString()));
        Projector projector = Projectors.standard().forKind(kind).orElseThrow();
        Map<Long, List<RawLog>> byBlock = RecordedLogs.load(file).stream()
                .collect(Collectors.groupingBy(RawLog::blockNumber, TreeMap::new, Collectors.toList()));
        byBlock.forEach((block, logs) -> {
            ProjectedBatch rows = new ProjectedBatch();
            logs.forEach(log -> RecordedLogs.DECODER.decode(kind, log)
                    .ifPresent(event -> projector.project(event, Projector.ContractOptions.DEFAULT, rows)));
            RawLog first = logs.get(0);
            BlockHeader header = new BlockHeader(first.chainId(), block, first.blockHash(), "0x", 1_700_000_000 + block, null);
            store.writeRange(logs, List.of(header), rows, List.of(), new Checkpoint(header.chainId(), block, header.hash()));
        });
        return store;
    }

    /** The emitters of a recorded file, in the order they first appear. */
    static List<String> emitters(String file) {
        return RecordedLogs.load(file).stream().map(RawLog::address).distinct().toList();
    }
}
