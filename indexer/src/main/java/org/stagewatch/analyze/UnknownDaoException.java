package org.stagewatch.analyze;

/** A question about a DAO the database does not hold; the message lists the DAOs it does hold. */
public class UnknownDaoException extends AnalyzeException {
    private final String dao;

    public UnknownDaoException(String dao, String message) {
        super(message);
        this.dao = dao;
    }

    public String dao() {
        return dao;
    }
}
