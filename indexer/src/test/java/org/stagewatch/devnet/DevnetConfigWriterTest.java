package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetConfigWriterTest {

    @Test
    void addressesAreChecksummedAndQuotedSoNoYamlReaderTakesThemForHexNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/devnet.yml");
        DevnetConfigWriter.write(file, 31_337, "http://127.0.0.1:8545", dao());
        String yaml = Files.readString(file);
        assertThat(yaml).contains("address: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"")
                .contains("chainId: 31337").contains("rpc: http://127.0.0.1:8545")
                .contains("kind: votes-token").contains("transfers: true").contains("critical: true");
    }

    private static DemoDao dao() {
        Deployed token = new Deployed("DEMO token", "0x5fbdb2315678afecb367f032d93f642f64180aa3", 1);
        Deployed other = new Deployed("x", "0x0000000000000000000000000000000000000001", 2);
        return new DemoDao(31_337, token, other, other, other, other, other, other, other, other, other, other, other,
                DevKeys.anvil(0), DevKeys.anvil(1), List.of(), 0);
    }
}
