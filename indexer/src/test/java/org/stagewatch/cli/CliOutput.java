package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The CLI run in this process, for tests that read what it prints. */
public final class CliOutput {
    private CliOutput() {
    }

    /** What {@code stagewatch args…} prints on stdout; it must exit 0. */
    public static String stdout(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = StagewatchCommand.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
