package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine;

/**
 * {@code report} over a small hand-written database of a DAO with no votes token (a bridge proxy whose
 * ProxyAdmin is owned by a 2-of-3 council Safe): the concentration section says there is nothing to
 * measure, and the equalizer is still sampled over the critical contracts' chain.
 */
class ReportCommandTest {
    @TempDir
    Path dir;
    String db;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void writeDatabaseAndCapture() {
        db = dir.resolve("control.db").toString();
        Store store = new Store(Database.open(db));
        ProjectedBatch rows = BridgeCouncilFixture.declare(store, 2);
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
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
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

    @Test
    void shouldPickTheFormatFromTheExtensionAndNameBothWhenItIsNeither() {
        assertThat(ReportCommand.Format.of(Path.of("out/Report.HTML"))).isEqualTo(ReportCommand.Format.HTML);
        assertThat(ReportCommand.Format.of(Path.of("report.md"))).isEqualTo(ReportCommand.Format.MARKDOWN);
        assertThatThrownBy(() -> ReportCommand.Format.of(Path.of("report.pdf"))).isInstanceOf(UserError.class)
                .hasMessageContaining("--out report.pdf").hasMessageContaining(".html").hasMessageContaining(".md");
    }
}
