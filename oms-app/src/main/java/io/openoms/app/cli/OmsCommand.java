package io.openoms.app.cli;

import picocli.CommandLine.Command;

/** The {@code oms} executable; each action is a subcommand. */
@Command(
        name = "oms",
        description = "OpenOMS: an order-management system for people who trade with code.",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class)
final class OmsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
