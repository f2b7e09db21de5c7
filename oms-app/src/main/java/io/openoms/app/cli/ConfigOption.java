package io.openoms.app.cli;

import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the commands that read the configuration. */
public final class ConfigOption {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Configuration file (YAML); default: $OMS_CONFIG, else built-in defaults.")
    Path file;

    OmsConfig load(Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader(environment);
        return loader.load(source(environment));
    }

    Optional<Path> source(Map<String, String> environment) {
        return new ConfigLoader(environment).configFile(Optional.ofNullable(file));
    }
}
