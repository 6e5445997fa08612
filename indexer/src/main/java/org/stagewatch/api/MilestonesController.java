package org.stagewatch.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.query.Answers;
import org.stagewatch.store.Store;

/**
 * The progressive-decentralization answers: a DAO's milestones (each achieved, ready, blocked or unknown with the
 * evidence its check used; each phase's progress) and its decision map (who holds each decision through which
 * route), at a point or as a history — the documents {@code milestones --json} and {@code decisions --json}
 * print, from the same {@link Answers}. A DAO that declares none is a 404 problem naming the config section.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stagewatch")
class MilestonesController {
    private static final String BLOCK = ApiController.BLOCK;
    private static final String AT = ApiController.AT;
    private static final String CHAIN = ApiController.CHAIN;

    private final Store store;
    private final Freshness freshness;
    private final ControlPoints controlPoints;

    MilestonesController(Store store, Freshness freshness, ControlPoints controlPoints) {
        this.store = store;
        this.freshness = freshness;
        this.controlPoints = controlPoints;
    }

    @Operation(summary = "Each milestone's status (achieved, ready, blocked, unknown) with its evidence, and each phase's progress "
            + "(CLI: milestones --json)")
    @GetMapping("/daos/{dao}/milestones")
    ResponseEntity<Object> milestones(@PathVariable String dao,
                                      @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                      @Parameter(description = AT) @RequestParam(required = false) String at,
                                      @Parameter(description = CHAIN) @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache()).body(Answers.milestones(store, point.scope(), point.points()));
    }

    @Operation(summary = "Where a milestone's status or a phase's progress changed, with the cause (CLI: milestones --history --json)")
    @GetMapping("/daos/{dao}/milestones/history")
    ResponseEntity<Object> milestonesHistory(@PathVariable String dao) {
        return ResponseEntity.ok().cacheControl(freshness.head()).body(Answers.milestonesHistory(store, DaoScope.load(store, dao)));
    }

    @Operation(summary = "Who holds each declared decision, through which route, with delays and keys (CLI: decisions --json)")
    @GetMapping("/daos/{dao}/decisions")
    ResponseEntity<Object> decisions(@PathVariable String dao,
                                     @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                     @Parameter(description = AT) @RequestParam(required = false) String at,
                                     @Parameter(description = CHAIN) @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache()).body(Answers.decisions(store, point.scope(), point.points()));
    }

    @Operation(summary = "Where a decision changed hands, with the cause (CLI: decisions --history --json)")
    @GetMapping("/daos/{dao}/decisions/history")
    ResponseEntity<Object> decisionsHistory(@PathVariable String dao) {
        return ResponseEntity.ok().cacheControl(freshness.head()).body(Answers.decisionsHistory(store, DaoScope.load(store, dao)));
    }
}
