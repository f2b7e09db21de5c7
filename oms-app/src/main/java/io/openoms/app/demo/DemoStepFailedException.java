package io.openoms.app.demo;

/** A scripted step whose outcome was not the expected one; the message says what was expected and what came. */
final class DemoStepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoStepFailedException(String message) {
        super(message);
    }
}
