package org.stagewatch.api;

/** A query parameter the API cannot use: which one, what it got, and what it accepts (a 400 problem). */
class BadParameterException extends RuntimeException {
    private final String parameter;
    private final String accepted;

    BadParameterException(String parameter, String value, String accepted) {
        super("parameter '%s'%s: expected %s".formatted(parameter, value == null ? "" : " = '" + value + "'", accepted));
        this.parameter = parameter;
        this.accepted = accepted;
    }

    String parameter() {
        return parameter;
    }

    String accepted() {
        return accepted;
    }
}
