package io.openoms.app;

import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.OmsConfig;
import java.nio.file.Path;

/** Configurations for tests: the defaults on a temporary data directory and a free port. */
public final class TestConfigs {
    private TestConfigs() {}

    public static OmsConfig embedded(Path dataDirectory) {
        return OmsConfig.defaults().withDataDir(dataDirectory.toString()).withHttp(new HttpConfig("127.0.0.1", 0));
    }
}
