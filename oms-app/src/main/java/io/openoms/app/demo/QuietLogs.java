package io.openoms.app.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the root log level to WARN for the duration of the demo, so that its progress lines are
 * not lost among the server's start-up and shutdown logs; warnings and errors still show. Closing
 * puts the previous level back. Does nothing when the logging backend is not Logback.
 */
public final class QuietLogs implements AutoCloseable {
    private final Logger root;
    private final Level previous;

    private QuietLogs(Logger root, Level previous) {
        this.root = root;
        this.previous = previous;
    }

    /** Leaves the level as it is. */
    public static QuietLogs none() {
        return new QuietLogs(null, null);
    }

    public static QuietLogs start() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Level previous = root.getLevel();
            if (previous == null || previous.isGreaterOrEqual(Level.WARN)) {
                return none();
            }
            root.setLevel(Level.WARN);
            return new QuietLogs(root, previous);
        }
        return none();
    }

    @Override
    public void close() {
        if (root != null) {
            root.setLevel(previous);
        }
    }
}
