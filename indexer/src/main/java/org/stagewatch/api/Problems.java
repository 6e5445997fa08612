package org.stagewatch.api;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.analyze.BeyondHeadException;
import org.stagewatch.analyze.UnknownDaoException;
import org.stagewatch.config.ConfigException;
import org.stagewatch.query.NotDeclaredException;

/**
 * Every error of the API as an RFC 9457 problem document ({@code application/problem+json}): a bad parameter
 * is a 400 naming it and the form it accepts, an unknown DAO a 404 (so is a question about a config section the DAO
 * does not declare, e.g. its milestones), a block beyond the indexed head a 409
 * saying the head, any other question the store cannot answer as asked a 400 with the reason. Spring MVC's
 * own errors (no such path, method not allowed, not acceptable) come as problems too. Problems are not cached.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {
    static final String TYPES = "https://github.com/stagewatch/stagewatch#problems/";

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("accepted", e.accepted());
        return respond(problem);
    }

    @ExceptionHandler(UnknownDaoException.class)
    ResponseEntity<ProblemDetail> unknownDao(UnknownDaoException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-dao", "Unknown DAO", e.getMessage());
        problem.setProperty("dao", e.dao());
        return respond(problem);
    }

    @ExceptionHandler(NotDeclaredException.class)
    ResponseEntity<ProblemDetail> notDeclared(NotDeclaredException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-declared", "Not declared in the config", e.getMessage());
        problem.setProperty("dao", e.dao());
        problem.setProperty("section", e.section());
        return respond(problem);
    }

    @ExceptionHandler(BeyondHeadException.class)
    ResponseEntity<ProblemDetail> beyondHead(BeyondHeadException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "beyond-indexed-head", "Beyond the indexed head", e.getMessage());
        problem.setProperty("chainId", e.chainId());
        problem.setProperty("head", e.head());
        return respond(problem);
    }

    @ExceptionHandler({AnalyzeException.class, ConfigException.class})
    ResponseEntity<ProblemDetail> unanswerable(RuntimeException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "unanswerable", "Question cannot be answered as asked", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
