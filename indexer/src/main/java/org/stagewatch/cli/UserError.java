package org.stagewatch.cli;

/** A mistake in how a command was called; printed without a stack trace, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
