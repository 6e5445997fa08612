package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/** A --json document has one key order, in every run: hash-ordered maps and sets are written sorted. */
class StableOrderTest {
    @TempDir
    Path dir;

    enum Colour { RED, GREEN, BLUE, CYAN, MAGENTA, YELLOW }

    record Holder(Map<String, Integer> counts, Set<Colour> colours, Set<String> names, Map<String, Integer> chosen) {
    }

    private static String json(Object value) throws Exception {
        return Output.JSON.writeValueAsString(value);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void shouldWriteHashOrderedMapsAndSetsSortedAndKeepEveryOtherOrder() throws Exception {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        chosen.put("zeta", 1);
        chosen.put("alpha", 2);
        chosen.put("mu", 3);
        Set<Colour> colours = new HashSet<>(EnumSet.allOf(Colour.class)); // enum hash codes differ from run to run
        Holder holder = new Holder(Map.of("k7", 7, "k1", 1, "k9", 9, "k3", 3, "k5", 5, "k2", 2), colours,
                Set.of("pear", "apple", "fig", "kiwi", "date"), chosen);

        JsonNode written = Output.JSON.readTree(json(holder));
        assertThat(keys(written)).containsExactly("counts", "colours", "names", "chosen");
        assertThat(keys(written.get("counts"))).containsExactly("k1", "k2", "k3", "k5", "k7", "k9");
        assertThat(written.get("colours").toString()).isEqualTo("[\"RED\",\"GREEN\",\"BLUE\",\"CYAN\",\"MAGENTA\",\"YELLOW\"]");
        assertThat(written.get("names").toString()).isEqualTo("[\"apple\",\"date\",\"fig\",\"kiwi\",\"pear\"]");
        assertThat(keys(written.get("chosen"))).as("insertion order is the author's").containsExactly("zeta", "alpha", "mu");

        assertThat(json(Map.of("outer", List.of(Map.of("y", 1, "x", 2, "w", 3)))))
                .isEqualTo(json(Map.of("outer", List.of(sorted("w", 3, "x", 2, "y", 1)))));
    }

    private static Map<String, Integer> sorted(String k1, int v1, String k2, int v2, String k3, int v3) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }

    /**
     * proposals --json in separate JVMs: Map.of's iteration order is salted once per JVM, so the same document
     * built from one used to come out in either of two key orders. Every run prints the same bytes, "dao" first.
     */
    @Test
    void shouldPrintProposalsJsonInOneKeyOrderInEveryJvm() throws Exception {
        Path db = dir.resolve("indexed.db");
        Store store = new Store(Database.open(db.toString()));
        store.withSync(sync -> {
            sync.insertContracts(List.of(new ContractRow("demo", 1, "0x" + "1".repeat(40), "governor", "GOV", 0, false, false)));
            return null;
        });
        store.writeRange(List.of(), List.of(new BlockHeader(1, 10, "0xb10", "0xb9", 1000, null)),
                new ProjectedBatch(), List.of(), new Checkpoint(1, 10, "0xb10"));

        Set<String> outputs = new HashSet<>();
        for (int run = 0; run < 4; run++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "org.stagewatch.cli.StagewatchCommand", "proposals", "--dao", "demo", "--json", "--db", db.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            outputs.add(out);
        }
        assertThat(outputs).hasSize(1);
        assertThat(outputs.iterator().next()).startsWith("{\n  \"dao\" : \"demo\",\n  \"proposals\" : [");

        PrintStream original = System.out;
        ByteArrayOutputStream inProcess = new ByteArrayOutputStream();
        System.setOut(new PrintStream(inProcess, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute("proposals", "--dao", "demo", "--json", "--db", db.toString())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(inProcess.toString(StandardCharsets.UTF_8)).isEqualTo(outputs.iterator().next());
    }
}
