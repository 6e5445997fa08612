package org.stagewatch.query;

import org.stagewatch.analyze.AnalyzeException;

/**
 * A question about a part of a DAO's config that the DAO does not declare (its milestones, its decision map):
 * the message says which section to add. The CLI prints it and exits 2; the API answers 404.
 */
public class NotDeclaredException extends AnalyzeException {
    private final String dao;
    private final String section;

    public NotDeclaredException(String dao, String section, String message) {
        super(message);
        this.dao = dao;
        this.section = section;
    }

    public String dao() {
        return dao;
    }

    /** The config section that is missing, e.g. {@code milestones}. */
    public String section() {
        return section;
    }
}
