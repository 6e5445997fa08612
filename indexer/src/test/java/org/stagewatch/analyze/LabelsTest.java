package org.stagewatch.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.power.PowerArray;

class LabelsTest {
    @TempDir
    Path dir;

    private static final String A = "0x" + "a".repeat(40);
    private static final String B = "0x" + "b".repeat(40);
    private static final String C = "0x" + "c".repeat(40);

    @Test
    void shouldMergeTheAddressesOfOneEntityAndLeaveOthersAlone() throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "address,entity\n# an exchange\n" + A + ",Exchange\n" + B.toUpperCase().replace("0X", "0x") + ",Exchange\n");
        Labels labels = Labels.load(file);
        assertThat(labels.entityOf()).containsOnlyKeys(A, B);
        Map<String, BigInteger> powers = Map.of(A, BigInteger.valueOf(30), B, BigInteger.valueOf(30), C, BigInteger.valueOf(40));
        PowerArray sorted = PowerArray.of(List.of(BigInteger.valueOf(40), BigInteger.valueOf(30), BigInteger.valueOf(30)));
        Concentration byEntity = Concentration.of(labels.regroup(sorted, powers::get), null);
        // Exchange 60 vs 40: one entity holds a majority that no single address had
        assertThat(byEntity.delegates()).isEqualTo(2);
        assertThat(byEntity.nakamoto().majority()).isEqualTo(1);
        assertThat(Concentration.of(sorted, null).nakamoto().majority()).isEqualTo(2);
    }

    @Test
    void shouldNameEveryBadRowWithItsLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, A + ",One\n0x123,Two\n" + C + ",\n" + A + ",Other\nno comma here\n");
        assertThatThrownBy(() -> Labels.load(file)).isInstanceOf(AnalyzeException.class)
                .hasMessageContaining("4 bad row(s)")
                .hasMessageContaining(file + ":2: malformed address '0x123'")
                .hasMessageContaining(file + ":3: address " + C + " has an empty entity name")
                .hasMessageContaining(file + ":4: address " + A + " is labeled 'Other' here and 'One' above")
                .hasMessageContaining(file + ":5: expected 'address,entity'");
    }
}
