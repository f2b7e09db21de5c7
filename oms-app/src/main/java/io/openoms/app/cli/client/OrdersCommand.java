package io.openoms.app.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oms orders}: the order commands; alone, it prints their usage. */
@Command(
        name = "orders",
        description = "Submit, list, show, modify and cancel orders on a running server.",
        mixinStandardHelpOptions = true)
final class OrdersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
