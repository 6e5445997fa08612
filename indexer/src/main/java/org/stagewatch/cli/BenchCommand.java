package org.stagewatch.cli;

import picocli.CommandLine.Command;

/** {@code stagewatch bench …}: benchmarks that print their figures next to a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its figures and a baseline measured in the same run.",
        subcommands = {BenchBackfillCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
