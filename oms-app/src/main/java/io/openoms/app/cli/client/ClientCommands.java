package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import picocli.CommandLine;

/**
 * The client commands, which talk to a running server over its REST API: {@code oms orders
 * submit|list|show|modify|cancel}, {@code oms positions}, {@code oms portfolio}, {@code oms risk
 * limits|state|halt|reduce|resume} and {@code oms reconcile}. Each takes {@code --url} ({@code
 * OMS_URL}), {@code --api-key} ({@code OMS_API_KEY}) and {@code --json}; exit codes are {@link
 * ClientExitCode}'s.
 */
public final class ClientCommands {
    private ClientCommands() {}

    /** Adds the client commands to {@code oms}; {@code environment} stands for the process environment. */
    public static void addTo(CommandLine oms, Map<String, String> environment) {
        requireNonNull(oms, "oms is null");
        requireNonNull(environment, "environment is null");
        oms.addSubcommand(new CommandLine(new OrdersCommand())
                .addSubcommand(new SubmitOrderCommand(environment))
                .addSubcommand(new ListOrdersCommand(environment))
                .addSubcommand(new ShowOrderCommand(environment))
                .addSubcommand(new ModifyOrderCommand(environment))
                .addSubcommand(new CancelOrderCommand(environment)));
        oms.addSubcommand(new PositionsCommand(environment));
        oms.addSubcommand(new PortfolioCommand(environment));
        oms.addSubcommand(new CommandLine(new RiskCommand())
                .addSubcommand(new RiskLimitsCommand(environment))
                .addSubcommand(new TradingStateCommand(environment))
                .addSubcommand(new SetTradingStateCommand.Halt(environment))
                .addSubcommand(new SetTradingStateCommand.Reduce(environment))
                .addSubcommand(new SetTradingStateCommand.Resume(environment)));
        oms.addSubcommand(new ReconcileCommand(environment));
    }
}
