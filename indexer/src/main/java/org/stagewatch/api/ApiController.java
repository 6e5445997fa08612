package org.stagewatch.api;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.BlockTime;
import org.stagewatch.analyze.PointInTime;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.analyze.equalizer.EqualizerReport;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.config.ContractKind;
import org.stagewatch.query.Answers;
import org.stagewatch.query.Documents;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * The JSON API: each endpoint asks {@link Answers} the question its CLI command asks and returns the document
 * the command's {@code --json} prints ({@link Documents}), with CSV where the command has it ({@code .csv} or
 * {@code Accept: text/csv}). Parameters are the command's options without the dashes; an answer about a final
 * point is marked immutable ({@link Freshness}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stagewatch", description = "Governance analytics of the indexed DAOs; the same documents as the CLI's --json")
class ApiController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String BLOCK = "answer as of this block (default: the indexed head)";
    static final String AT = "answer as of this time, ISO-8601 (e.g. 2025-01-31T00:00:00Z); not with block";
    static final String CHAIN = "the chain id block counts on, when the DAO spans several chains";

    private final Store store;
    private final Freshness freshness;
    private final ControlPoints controlPoints;
    private final ConcentrationTimelines timelines;

    ApiController(Store store, Freshness freshness, ControlPoints controlPoints, ConcentrationTimelines timelines) {
        this.store = store;
        this.freshness = freshness;
        this.controlPoints = controlPoints;
        this.timelines = timelines;
    }

    @Operation(summary = "The indexed DAOs, their chains with the indexed block, and their contracts")
    @GetMapping("/daos")
    ResponseEntity<Map<String, Object>> daos() {
        Map<String, List<ContractRow>> byDao = new LinkedHashMap<>();
        store.withSync(sync -> sync.contracts()).forEach(row -> byDao.computeIfAbsent(row.daoId(), id -> new ArrayList<>()).add(row));
        List<Map<String, Object>> daos = new ArrayList<>();
        byDao.forEach((dao, rows) -> {
            List<Map<String, Object>> chains = rows.stream().map(ContractRow::chainId).distinct().sorted().map(chain -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("chainId", chain);
                out.put("indexedBlock", store.checkpoint(chain).map(checkpoint -> checkpoint.blockNumber()).orElse(null));
                out.put("finalBlock", freshness.finalBlock(chain) < 0 ? null : freshness.finalBlock(chain));
                return out;
            }).toList();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dao", dao);
            out.put("chains", chains);
            out.put("contracts", rows.stream().map(row -> Map.of("chainId", row.chainId(), "address", row.address(), "kind", row.kind(),
                    "label", row.label(), "critical", row.critical())).toList());
            daos.add(out);
        });
        return ResponseEntity.ok().cacheControl(freshness.head()).body(Map.of("daos", daos));
    }

    @Operation(summary = "Proposals with tallies, turnout, quorum margin and decisive voters (CLI: proposals --json)")
    @GetMapping("/daos/{dao}/proposals")
    ResponseEntity<Map<String, Object>> proposals(@PathVariable String dao,
                                                  @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                                  @Parameter(description = AT) @RequestParam(required = false) String at) {
        Params.onePoint(block, at);
        Long number = Params.block("block", block);
        Instant instant = Params.instant("at", at);
        DaoScope scope = DaoScope.load(store, dao);
        return ResponseEntity.ok().cacheControl(tokenPoint(scope, number, instant))
                .body(Documents.proposals(dao, Answers.proposals(store, scope, number, instant)));
    }

    @Operation(summary = "Top delegates by voting power (CLI: delegates --json)")
    @GetMapping("/daos/{dao}/delegates")
    ResponseEntity<Object> delegates(@PathVariable String dao,
                                     @Parameter(description = "how many delegates, 1 to 10000 (default 20)") @RequestParam(required = false) String top,
                                     @Parameter(description = "participation over the last K proposals (default 10)") @RequestParam(required = false) String window,
                                     @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                     @Parameter(description = AT) @RequestParam(required = false) String at) {
        int k = Params.atLeastOne("top", top, 20, 10_000);
        int w = Params.atLeastOne("window", window, 10, 10_000);
        Params.onePoint(block, at);
        Long number = Params.block("block", block);
        Instant instant = Params.instant("at", at);
        DaoScope scope = DaoScope.load(store, dao);
        return ResponseEntity.ok().cacheControl(tokenPoint(scope, number, instant))
                .body(Answers.delegates(store, scope, number, instant, k, w, null));
    }

    @Operation(summary = "Voting-power concentration at a block (CLI: metrics --json; CSV with Accept: text/csv or metrics.csv)")
    @GetMapping("/daos/{dao}/metrics")
    ResponseEntity<Map<String, Object>> metrics(@PathVariable String dao,
                                                @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                                @Parameter(description = AT) @RequestParam(required = false) String at) {
        Metrics metrics = metricsAt(dao, block, at);
        return ResponseEntity.ok().cacheControl(metrics.cache()).body(Documents.metrics(metrics.point()));
    }

    @GetMapping(path = "/daos/{dao}/metrics", produces = "text/csv")
    ResponseEntity<String> metricsCsv(@PathVariable String dao, @RequestParam(required = false) String block,
                                      @RequestParam(required = false) String at) {
        Metrics metrics = metricsAt(dao, block, at);
        return csv(metrics.cache(), out -> Documents.metricsCsv(out, List.of(metrics.point()), false));
    }

    @Operation(summary = "Voting-power concentration at a block, as CSV (CLI: metrics --csv)")
    @GetMapping(path = "/daos/{dao}/metrics.csv", produces = {"text/csv", "*/*"})
    ResponseEntity<String> metricsCsvFile(@PathVariable String dao, @RequestParam(required = false) String block,
                                          @RequestParam(required = false) String at) {
        return metricsCsv(dao, block, at);
    }

    private record Metrics(MetricsPoint point, CacheControl cache) {
    }

    private Metrics metricsAt(String dao, String block, String at) {
        Params.onePoint(block, at);
        Long number = Params.block("block", block);
        Instant instant = Params.instant("at", at);
        DaoScope scope = DaoScope.load(store, dao);
        return new Metrics(Answers.metrics(store, timelines, scope, number, instant, null), tokenPoint(scope, number, instant));
    }

    @Operation(summary = "Concentration along a series (CLI: metrics --series --json; CSV with Accept: text/csv or series.csv)")
    @GetMapping("/daos/{dao}/metrics/series")
    ResponseEntity<Map<String, Object>> metricsSeries(@PathVariable String dao,
                                                      @Parameter(description = Params.STEP, required = true) @RequestParam(required = false) String every,
                                                      @Parameter(description = "series start: " + Params.BOUND) @RequestParam(required = false) String from,
                                                      @Parameter(description = "series end: " + Params.BOUND) @RequestParam(required = false) String to) {
        SeriesPlan plan = Params.series(every, from, to);
        DaoScope scope = DaoScope.load(store, dao);
        List<MetricsPoint> points = Answers.metricsSeries(store, timelines, scope, plan, null);
        return ResponseEntity.ok().cacheControl(seriesEnd(scope, tokenChain(scope), to))
                .body(Documents.metricsSeries(dao, plan, points));
    }

    @GetMapping(path = "/daos/{dao}/metrics/series", produces = "text/csv")
    ResponseEntity<String> metricsSeriesCsv(@PathVariable String dao, @RequestParam(required = false) String every,
                                            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        SeriesPlan plan = Params.series(every, from, to);
        DaoScope scope = DaoScope.load(store, dao);
        List<MetricsPoint> points = Answers.metricsSeries(store, timelines, scope, plan, null);
        return csv(seriesEnd(scope, tokenChain(scope), to), out -> Documents.metricsCsv(out, points, false));
    }

    @Operation(summary = "Concentration along a series, as CSV (CLI: metrics --series --csv)")
    @GetMapping(path = "/daos/{dao}/metrics/series.csv", produces = {"text/csv", "*/*"})
    ResponseEntity<String> metricsSeriesCsvFile(@PathVariable String dao, @RequestParam(required = false) String every,
                                                @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return metricsSeriesCsv(dao, every, from, to);
    }

    @Operation(summary = "Each security council and council manager with its change history (CLI: council --json)")
    @GetMapping("/daos/{dao}/councils")
    ResponseEntity<Object> councils(@PathVariable String dao,
                                    @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                    @Parameter(description = AT) @RequestParam(required = false) String at,
                                    @Parameter(description = CHAIN) @RequestParam(required = false) String chain,
                                    @Parameter(description = "true: every Safe of the DAO, each saying whether it is a designated council (CLI: --all)")
                                    @RequestParam(required = false) String all) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache())
                .body(Answers.councils(store, point.scope(), point.points(), Params.flag("all", all)));
    }

    @Operation(summary = "Every route to every permission on the critical contracts (CLI: paths --json)")
    @GetMapping("/daos/{dao}/paths")
    ResponseEntity<Object> paths(@PathVariable String dao,
                                 @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                 @Parameter(description = AT) @RequestParam(required = false) String at,
                                 @Parameter(description = CHAIN) @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache()).body(Answers.paths(store, point.scope(), point.points()));
    }

    @Operation(summary = "The stage with every requirement, its status, source and evidence (CLI: stage --json)")
    @GetMapping("/daos/{dao}/stage")
    ResponseEntity<Object> stage(@PathVariable String dao,
                                 @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                 @Parameter(description = AT) @RequestParam(required = false) String at,
                                 @Parameter(description = CHAIN) @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache()).body(Answers.stage(store, point.scope(), point.points()));
    }

    @Operation(summary = "Where the stage or any requirement changed, with the cause (CLI: stage --history --json)")
    @GetMapping("/daos/{dao}/stage/history")
    ResponseEntity<Object> stageHistory(@PathVariable String dao) {
        return ResponseEntity.ok().cacheControl(freshness.head()).body(Answers.stageHistory(store, DaoScope.load(store, dao)));
    }

    @Operation(summary = "The six equalizer scores with formulas and inputs (CLI: equalizer --json; CSV with Accept: text/csv or equalizer.csv)")
    @GetMapping("/daos/{dao}/equalizer")
    ResponseEntity<Object> equalizer(@PathVariable String dao,
                                     @Parameter(description = BLOCK) @RequestParam(required = false) String block,
                                     @Parameter(description = AT) @RequestParam(required = false) String at,
                                     @Parameter(description = CHAIN) @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        return ResponseEntity.ok().cacheControl(point.cache()).body(Answers.equalizer(store, point.scope(), point.points()));
    }

    @GetMapping(path = "/daos/{dao}/equalizer", produces = "text/csv")
    ResponseEntity<String> equalizerCsv(@PathVariable String dao, @RequestParam(required = false) String block,
                                        @RequestParam(required = false) String at, @RequestParam(required = false) String chain) {
        ControlPoints.ControlPoint point = controlPoints.resolve(dao, block, at, chain);
        EqualizerReport report = Answers.equalizer(store, point.scope(), point.points());
        return csv(point.cache(), out -> Documents.equalizerCsv(out, List.of(report)));
    }

    @Operation(summary = "The equalizer scores as CSV (CLI: equalizer --csv)")
    @GetMapping(path = "/daos/{dao}/equalizer.csv", produces = {"text/csv", "*/*"})
    ResponseEntity<String> equalizerCsvFile(@PathVariable String dao, @RequestParam(required = false) String block,
                                            @RequestParam(required = false) String at, @RequestParam(required = false) String chain) {
        return equalizerCsv(dao, block, at, chain);
    }

    @Operation(summary = "The equalizer along a series (CLI: equalizer --series --json; CSV with Accept: text/csv or series.csv)")
    @GetMapping("/daos/{dao}/equalizer/series")
    ResponseEntity<Map<String, Object>> equalizerSeries(@PathVariable String dao,
                                                        @Parameter(description = Params.STEP, required = true) @RequestParam(required = false) String every,
                                                        @Parameter(description = "series start: " + Params.BOUND) @RequestParam(required = false) String from,
                                                        @Parameter(description = "series end: " + Params.BOUND) @RequestParam(required = false) String to) {
        SeriesPlan plan = Params.series(every, from, to);
        DaoScope scope = DaoScope.load(store, dao);
        Answers.EqualizerSeries series = Answers.equalizerSeries(store, scope, plan, (done, all) -> { });
        return ResponseEntity.ok().cacheControl(seriesEnd(scope, Answers.timeline(scope).chainId(), to))
                .body(Documents.equalizerSeries(dao, plan, series));
    }

    @GetMapping(path = "/daos/{dao}/equalizer/series", produces = "text/csv")
    ResponseEntity<String> equalizerSeriesCsv(@PathVariable String dao, @RequestParam(required = false) String every,
                                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        SeriesPlan plan = Params.series(every, from, to);
        DaoScope scope = DaoScope.load(store, dao);
        Answers.EqualizerSeries series = Answers.equalizerSeries(store, scope, plan, (done, all) -> { });
        return csv(seriesEnd(scope, Answers.timeline(scope).chainId(), to), out -> Documents.equalizerCsv(out, series.reports()));
    }

    @Operation(summary = "The equalizer along a series, as CSV (CLI: equalizer --series --csv)")
    @GetMapping(path = "/daos/{dao}/equalizer/series.csv", produces = {"text/csv", "*/*"})
    ResponseEntity<String> equalizerSeriesCsvFile(@PathVariable String dao, @RequestParam(required = false) String every,
                                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return equalizerSeriesCsv(dao, every, from, to);
    }

    /** The chain token questions count blocks on: the votes token's, else the first governor's. */
    static long tokenChain(DaoScope scope) {
        List<ContractRow> tokens = scope.ofKind(ContractKind.VOTES_TOKEN);
        if (!tokens.isEmpty()) {
            return tokens.get(0).chainId();
        }
        return scope.governors().isEmpty() ? scope.contracts().get(0).chainId() : scope.governors().get(0).chainId();
    }

    private CacheControl tokenPoint(DaoScope scope, Long block, Instant at) {
        long chain = tokenChain(scope);
        if (block != null) {
            return freshness.of(freshness.blockSettled(chain, block));
        }
        return freshness.of(at != null && freshness.timeSettled(chain, at.getEpochSecond()));
    }

    /** A series ending at a named final point never changes; one running to the head does. */
    private CacheControl seriesEnd(DaoScope scope, long chain, String to) {
        if (to == null) {
            return freshness.head();
        }
        List<Long> chains = scope.contracts().stream().map(ContractRow::chainId).distinct().toList();
        if (to.matches("[0-9]+")) {
            long block = Long.parseLong(to);
            if (!freshness.blockSettled(chain, block)) {
                return freshness.head();
            }
            if (chains.size() == 1) {
                return freshness.of(true);
            }
            // the other chains are settled up to the block's time; a block without a stored header is bounded by the
            // next stored one, and with none after it the series runs to the head
            BlockTime time = PointInTime.resolve(store, chain, block, null).time();
            Long bound = time.known() ? time.timestamp() : time.after() == null ? null : time.after().timestamp();
            return bound == null ? freshness.head() : freshness.of(freshness.timeSettled(chains, bound));
        }
        return freshness.of(freshness.timeSettled(chains, Params.instant("to", to).getEpochSecond()));
    }

    private static ResponseEntity<String> csv(CacheControl cache, Consumer<PrintStream> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            writer.accept(out);
        }
        return ResponseEntity.ok().cacheControl(cache).contentType(CSV).body(bytes.toString(StandardCharsets.UTF_8));
    }
}
