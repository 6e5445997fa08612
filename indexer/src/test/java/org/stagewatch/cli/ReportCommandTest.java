package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ControlRows;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * {@code report} over a small hand-written database of a DAO with no votes token (a bridge proxy whose
 * ProxyAdmin is owned by a 2-of-3 council Safe): the concentration section says there is nothing to
 * measure, and the equalizer is still sampled over the critical contracts' chain.
 */
class ReportCommandTest {
    static final String BRIDGE = "0x00000000000000000000000000000000000b0001";
    static final String PROXY_ADMIN = "0x00000000000000000000000000000000000a0001";
    static final String COUNCIL = "0x00000000000000000000000000000000000c0001";
    static final List<String> SIGNERS = List.of("0x00000000000000000000000000000000000e0001",
            "0x00000000000000000000000000000000000e0002", "0x00000000000000000000000000000000000e0003");

    @TempDir
    Path dir;
    String db;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void writeDatabaseAndCapture() {
        db = dir.resolve("control.db").toString();
        Store store = new Store(Database.open(db));
        store.withSync(sync -> {
            sync.insertContracts(List.of(
                    new ContractRow("dao", 1, BRIDGE, "proxy", "Bridge", 2, true, false),
                    new ContractRow("dao", 1, PROXY_ADMIN, "ownable", "ProxyAdmin", 2, false, false),
                    new ContractRow("dao", 1, COUNCIL, "safe", "Council", 2, false, false)));
            return null;
        });
        store.jdbi().useExtension(ControlReadDao.class, dao -> dao.replaceDeclarations(List.of(
                new ControlDeclaration("dao", ControlDeclaration.COUNCIL, 1, COUNCIL, null, null, null, "Council"))));
        ProjectedBatch rows = new ProjectedBatch();
        rows.control.proxyChanges.add(new ControlRows.ProxyChange(1, BRIDGE, "admin_changed", null, PROXY_ADMIN, 5, 0, "0xt1"));
        rows.control.ownershipChanges.add(new ControlRows.OwnershipChange(1, PROXY_ADMIN, "transferred", null, COUNCIL, 5, 1, "0xt1"));
        rows.control.safeChanges.add(new ControlRows.SafeChange(1, COUNCIL, "setup", null, "2",
                "[\"" + String.join("\",\"", SIGNERS) + "\"]", null, 5, 2, "0xt1"));
        store.writeRange(List.of(), List.of(new BlockHeader(1, 2, "0xb2", "0xb1", 976, null),
                new BlockHeader(1, 5, "0xb5", "0xb4", 1_000, null)), rows, List.of(), new Checkpoint(1, 5, "0xb5"));
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private int run(String... args) {
        picocli.CommandLine commandLine = new picocli.CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(System.err, true));
        return StagewatchCommand.execute(commandLine, args);
    }

    @Test
    void shouldSayThereIsNoVotingPowerToMeasureAndStillSampleTheEqualizerWithoutAToken() throws Exception {
        Path md = dir.resolve("dao.md");
        assertThat(run("report", "--dao", "dao", "--db", db, "--out", md.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = Files.readString(md);
        assertThat(text).contains("DAO 'dao' has no votes-token contract").contains("Council: threshold 2 of 3")
                .contains("The six scores over 4 samples, every 1blocks").contains("| `votingPower` | n/a |");
        assertThat(dir.resolve("dao-concentration.png")).doesNotExist();
        for (String name : List.of("equalizer-now", "equalizer")) {
            assertThat(ImageIO.read(dir.resolve("dao-" + name + ".png").toFile())).isNotNull();
        }
    }
}
