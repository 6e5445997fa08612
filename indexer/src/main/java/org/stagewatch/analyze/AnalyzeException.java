package org.stagewatch.analyze;

/** A question the store cannot answer as asked (unknown DAO, block beyond the indexed head …). */
public class AnalyzeException extends RuntimeException {
    public AnalyzeException(String message) {
        super(message);
    }
}
