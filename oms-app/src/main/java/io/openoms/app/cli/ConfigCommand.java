package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oms config}: prints the effective configuration as YAML, every secret masked. */
@Command(
        name = "config",
        description = "Print the effective configuration (defaults, file, environment), secrets masked.",
        mixinStandardHelpOptions = true)
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    private final Map<String, String> environment;

    ConfigCommand(Map<String, String> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Optional<Path> file = config.source(environment);
        OmsConfig loaded = config.load(environment);
        List<String> variables = ConfigLoader.ENVIRONMENT.keySet().stream()
                .filter(name ->
                        environment.get(name) != null && !environment.get(name).isEmpty())
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "# effective configuration; file: " + file.map(Path::toString).orElse("(none)") + "; environment: "
                        + (variables.isEmpty() ? "(none)" : String.join(", ", variables)));
        out.print(ConfigLoader.render(loaded));
        out.flush();
        return 0;
    }
}
