package io.openoms.app.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oms risk}: risk limits and the trading state (the kill switch); alone, it prints the usage. */
@Command(
        name = "risk",
        description = "Show or replace risk limits; show or set the trading state (halt, reduce, resume).",
        mixinStandardHelpOptions = true)
final class RiskCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
