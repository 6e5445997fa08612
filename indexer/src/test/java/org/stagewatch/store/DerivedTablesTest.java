package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every chain table is either rebuilt by {@code reproject} or kept by it: a new table must be put on one side. */
class DerivedTablesTest {
    @Test
    void shouldClassifyEveryChainTableAsDerivedOrKept() {
        List<String> classified = new ArrayList<>(DerivedTables.ALL.stream().map(DerivedTables.Table::name).toList());
        classified.addAll(DerivedTables.KEPT);
        assertThat(classified).containsExactlyInAnyOrderElementsOf(Store.CHAIN_TABLES);
    }
}
