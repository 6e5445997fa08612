package org.stagewatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.cli.CliOutput;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * {@code stagewatch serve} on the demo DAO, deployed, played and indexed on a real anvil: every endpoint answers
 * with exactly the document the CLI's {@code --json} (or {@code --csv}) prints for the same question; every bad
 * parameter is a 400 problem naming it; an unknown DAO a 404, and so a question about milestones or decisions
 * the DAO does not declare, naming the config section; a block beyond the head a 409 saying the head;
 * answers at final blocks are immutable (and served again from memory), at the head short-lived, all with an ETag; GET is open to any origin
 * and nothing else is; the OpenAPI document lists every endpoint; and the API's connection cannot write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FINALITY_DEPTH = 3;

    ServedDemo demo;
    long head;

    @BeforeAll
    void serveTheDemo() throws Exception {
        demo = new ServedDemo(31337, true, 0, true, false, "finalityDepth: " + FINALITY_DEPTH);
        head = demo.node.blockNumber();
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private record Question(String path, List<String> cli) {
    }

    private List<Question> questions() {
        long past = head - FINALITY_DEPTH - 10;
        String[] db = {"--db", demo.db};
        List<Question> questions = new ArrayList<>();
        questions.add(q("/proposals", "proposals", "--dao", "demo", "--json"));
        questions.add(q("/proposals?block=" + past, "proposals", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/delegates", "delegates", "--dao", "demo", "--json"));
        questions.add(q("/delegates?top=5&window=3&block=" + past, "delegates", "--dao", "demo", "--json", "--top", "5", "--window", "3",
                "--block", Long.toString(past)));
        questions.add(q("/metrics", "metrics", "--dao", "demo", "--json"));
        questions.add(q("/metrics?block=" + past, "metrics", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/metrics/series?every=7blocks", "metrics", "--dao", "demo", "--json", "--series", "--every", "7blocks"));
        questions.add(q("/metrics/series?every=5blocks&from=3&to=" + past, "metrics", "--dao", "demo", "--json", "--series", "--every",
                "5blocks", "--from", "3", "--to", Long.toString(past)));
        questions.add(q("/councils", "council", "--dao", "demo", "--json"));
        questions.add(q("/councils?block=" + past, "council", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/paths", "paths", "--dao", "demo", "--json"));
        questions.add(q("/stage", "stage", "--dao", "demo", "--json"));
        questions.add(q("/stage?block=" + past, "stage", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/stage/history", "stage", "--dao", "demo", "--json", "--history"));
        questions.add(q("/equalizer", "equalizer", "--dao", "demo", "--json"));
        questions.add(q("/equalizer/series?every=20blocks", "equalizer", "--dao", "demo", "--json", "--series", "--every", "20blocks"));
        questions.add(q("/milestones", "milestones", "--dao", "demo", "--json"));
        questions.add(q("/milestones?block=" + past, "milestones", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/milestones?block=" + past + "&chain=31337", "milestones", "--dao", "demo", "--json", "--block", Long.toString(past),
                "--chain", "31337"));
        questions.add(q("/milestones/history", "milestones", "--dao", "demo", "--json", "--history"));
        questions.add(q("/decisions", "decisions", "--dao", "demo", "--json"));
        questions.add(q("/decisions?block=" + past, "decisions", "--dao", "demo", "--json", "--block", Long.toString(past)));
        questions.add(q("/decisions/history", "decisions", "--dao", "demo", "--json", "--history"));
        for (Question question : questions) {
            question.cli().addAll(List.of(db));
        }
        return questions;
    }

    private static Question q(String path, String... cli) {
        return new Question("/api/v1/daos/demo" + path, new ArrayList<>(List.of(cli)));
    }

    @Test
    void shouldAnswerEveryQuestionWithTheDocumentTheCliPrints() throws Exception {
        // /metrics is then read from the server's concentration timeline, the CLI's from a pass over the power history
        assertThat(demo.context.getBean(ConcentrationTimelines.class).caughtUp()).as("concentration timelines recorded").isTrue();
        for (Question question : questions()) {
            HttpResponse<String> response = demo.get(question.path());
            assertThat(response.statusCode()).as(question.path() + ": " + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(question.path()).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            String printed = CliOutput.stdout(question.cli().toArray(String[]::new));
            assertThat(JSON.readTree(response.body())).as(question.path()).isEqualTo(JSON.readTree(printed));
            assertThat(response.body()).as(question.path() + " byte for byte").isEqualTo(printed.stripTrailing());
        }
    }

    @Test
    void shouldServeTheCsvTheCliPrints() throws Exception {
        long past = head - FINALITY_DEPTH - 10;
        String metrics = CliOutput.stdout("metrics", "--dao", "demo", "--csv", "--block", Long.toString(past), "--db", demo.db);
        assertThat(demo.get("/api/v1/daos/demo/metrics.csv?block=" + past).body()).isEqualTo(metrics);
        HttpResponse<String> negotiated = demo.get("/api/v1/daos/demo/metrics?block=" + past, "Accept", "text/csv");
        assertThat(negotiated.body()).isEqualTo(metrics);
        assertThat(negotiated.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(demo.get("/api/v1/daos/demo/metrics/series.csv?every=9blocks").body())
                .isEqualTo(CliOutput.stdout("metrics", "--dao", "demo", "--series", "--every", "9blocks", "--db", demo.db));
        assertThat(demo.get("/api/v1/daos/demo/equalizer.csv").body())
                .isEqualTo(CliOutput.stdout("equalizer", "--dao", "demo", "--csv", "--db", demo.db));
        assertThat(demo.get("/api/v1/daos/demo/equalizer/series?every=25blocks", "Accept", "text/csv").body())
                .isEqualTo(CliOutput.stdout("equalizer", "--dao", "demo", "--csv", "--series", "--every", "25blocks", "--db", demo.db));
    }

    @Test
    void shouldAnswerEveryBadParameterWithAProblemNamingIt() throws Exception {
        String[][] cases = {
                {"/api/v1/daos/demo/metrics?block=abc", "block", "block number"},
                {"/api/v1/daos/demo/metrics?block=-1", "block", "block number"},
                {"/api/v1/daos/demo/stage?at=yesterday", "at", "ISO-8601"},
                {"/api/v1/daos/demo/metrics?block=3&at=2025-01-01", "at", "either block or at"},
                {"/api/v1/daos/demo/delegates?top=0", "top", "from 1 to"},
                {"/api/v1/daos/demo/delegates?window=many", "window", "from 1 to"},
                {"/api/v1/daos/demo/metrics/series", "every", "<N>blocks"},
                {"/api/v1/daos/demo/metrics/series?every=3weeks", "every", "<N>blocks"},
                {"/api/v1/daos/demo/equalizer/series?every=5blocks&from=soon", "from", "ISO-8601"},
                {"/api/v1/daos/demo/paths?chain=31337", "chain", "together with block"},
                {"/api/v1/daos/demo/councils?block=2&chain=x", "chain", "block number"},
                {"/api/v1/daos/demo/milestones?block=1.5", "block", "block number"},
                {"/api/v1/daos/demo/milestones?at=tomorrow", "at", "ISO-8601"},
                {"/api/v1/daos/demo/milestones?chain=31337", "chain", "together with block"},
                {"/api/v1/daos/demo/decisions?block=4&at=2025-01-01", "at", "either block or at"},
        };
        for (String[] bad : cases) {
            HttpResponse<String> response = demo.get(bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(bad[0]).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(problem.path("detail").asText()).as(bad[0]).contains(bad[1]).contains(bad[2]);
            assertThat(problem.path("accepted").asText()).as(bad[0]).isNotEmpty();
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        }
    }

    @Test
    void shouldSayWhichDaosExistAndWhereTheIndexEnds() throws Exception {
        HttpResponse<String> unknown = demo.get("/api/v1/daos/nosuchdao/stage");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("detail").asText()).contains("nosuchdao").contains("demo");

        long indexed = checkpoint().blockNumber();
        for (String path : List.of("/metrics?block=", "/stage?block=", "/delegates?block=", "/proposals?block=", "/milestones?block=",
                "/decisions?block=")) {
            HttpResponse<String> beyond = demo.get("/api/v1/daos/demo" + path + (indexed + 1));
            assertThat(beyond.statusCode()).as(path).isEqualTo(409);
            JsonNode problem = JSON.readTree(beyond.body());
            assertThat(problem.path("head").asLong()).isEqualTo(indexed);
            assertThat(problem.path("chainId").asLong()).isEqualTo(31337);
            assertThat(problem.path("detail").asText()).contains(Long.toString(indexed));
        }
        HttpResponse<String> seriesBeyond = demo.get("/api/v1/daos/demo/metrics/series?every=5blocks&to=" + (indexed + 100));
        assertThat(seriesBeyond.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(seriesBeyond.body()).path("head").asLong()).isEqualTo(indexed);

        JsonNode daos = JSON.readTree(demo.get("/api/v1/daos").body()).path("daos");
        assertThat(daos).hasSize(1);
        assertThat(daos.get(0).path("dao").asText()).isEqualTo("demo");
        assertThat(daos.get(0).path("chains").get(0).path("indexedBlock").asLong()).isEqualTo(indexed);
        assertThat(daos.get(0).path("chains").get(0).path("finalBlock").asLong()).isEqualTo(indexed - FINALITY_DEPTH);
    }

    @Test
    void shouldAnswerAQuestionAboutAnUndeclaredSectionWithA404NamingIt() throws Exception {
        HttpResponse<String> unknownDao = demo.get("/api/v1/daos/nosuchdao/milestones");
        assertThat(unknownDao.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownDao.body()).path("detail").asText()).contains("nosuchdao");
        // an immutable answer, kept in memory from now on
        long lastFinal = checkpoint().blockNumber() - FINALITY_DEPTH;
        HttpResponse<String> settled = demo.get("/api/v1/daos/demo/milestones?block=" + lastFinal, "Origin", "https://notebook.example");
        assertThat(settled.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        // the demo declares milestones and decisions: take its declaration away for a moment, through a writer's connection
        Store writer = new Store(Database.open(demo.db));
        String declaration = writer.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT declaration FROM milestone_declarations WHERE dao_id = 'demo'").mapTo(String.class).one());
        HttpResponse<String> atHead = demo.get("/api/v1/daos/demo/decisions");
        writer.jdbi().useHandle(handle -> handle.execute("DELETE FROM milestone_declarations WHERE dao_id = 'demo'"));
        try {
            // an answer at the head is kept while nothing new is indexed, for its max-age (5 s) at most
            assertThat(demo.get("/api/v1/daos/demo/decisions").body()).isEqualTo(atHead.body());
            for (String[] path : new String[][] {{"/milestones", "milestones"}, {"/milestones/history", "milestones"},
                    {"/decisions?block=" + (lastFinal + 1), "decisions"}, {"/decisions/history", "decisions"}}) {
                // answers at the head may be kept for their max-age: no-cache asks for a fresh one
                HttpResponse<String> response = demo.get("/api/v1/daos/demo" + path[0], "Cache-Control", "no-cache");
                assertThat(response.statusCode()).as(path[0]).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.path("type").asText()).endsWith("/not-declared");
                assertThat(problem.path("section").asText()).isEqualTo(path[1]);
                assertThat(problem.path("detail").asText()).as(path[0]).contains("declares no " + path[1]).contains("config/SCHEMA.md");
            }
            // the answer that can never change is served from memory, headers and all, without asking the store
            HttpResponse<String> kept = demo.get("/api/v1/daos/demo/milestones?block=" + lastFinal, "Origin", "https://other.example");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(settled.body());
            for (String header : List.of("Cache-Control", "ETag", "Content-Type", "Access-Control-Allow-Origin")) {
                assertThat(kept.headers().firstValue(header)).as(header).isPresent().isEqualTo(settled.headers().firstValue(header));
            }
            HttpResponse<String> revalidated = demo.get("/api/v1/daos/demo/milestones?block=" + lastFinal, "If-None-Match",
                    settled.headers().firstValue("ETag").orElseThrow(), "Origin", "https://notebook.example");
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
        } finally {
            writer.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO milestone_declarations (dao_id, declaration) VALUES ('demo', :d)")
                    .bind("d", declaration).execute());
        }
        assertThat(demo.get("/api/v1/daos/demo/milestones").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldMarkAnswersAtFinalBlocksImmutableAndAnswersAtTheHeadShortLived() throws Exception {
        long indexed = checkpoint().blockNumber();
        long lastFinal = indexed - FINALITY_DEPTH;
        for (String path : List.of("/metrics?block=", "/stage?block=", "/delegates?block=", "/equalizer?block=", "/milestones?block=",
                "/decisions?block=")) {
            HttpResponse<String> settled = demo.get("/api/v1/daos/demo" + path + lastFinal);
            assertThat(settled.headers().firstValue("Cache-Control").orElseThrow()).as(path)
                    .isEqualTo("max-age=31536000, public, immutable");
            String etag = settled.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> revalidated = demo.get("/api/v1/daos/demo" + path + lastFinal, "If-None-Match", etag);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            HttpResponse<String> unsettled = demo.get("/api/v1/daos/demo" + path + (lastFinal + 1));
            assertThat(unsettled.headers().firstValue("Cache-Control").orElseThrow()).as(path).isEqualTo("max-age=5, public");
        }
        for (String path : List.of("/metrics", "/stage", "/stage/history", "/metrics/series?every=10blocks", "/milestones",
                "/milestones/history", "/decisions", "/decisions/history")) {
            HttpResponse<String> atHead = demo.get("/api/v1/daos/demo" + path);
            assertThat(atHead.headers().firstValue("Cache-Control").orElseThrow()).as(path).isEqualTo("max-age=5, public");
            assertThat(atHead.headers().firstValue("ETag")).as(path).isPresent();
        }
        assertThat(demo.get("/api/v1/daos/demo/metrics/series?every=10blocks&to=" + lastFinal).headers()
                .firstValue("Cache-Control").orElseThrow()).isEqualTo("max-age=31536000, public, immutable");
    }

    @Test
    void shouldLetAnyOriginReadAndNothingElse() throws Exception {
        HttpResponse<String> read = demo.get("/api/v1/daos/demo/stage", "Origin", "https://notebook.example");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> preflightGet = demo.send("OPTIONS", "/api/v1/daos/demo/stage", "Origin", "https://notebook.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflightGet.statusCode()).isEqualTo(200);
        assertThat(preflightGet.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).isEqualTo("GET");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> preflight = demo.send("OPTIONS", "/api/v1/daos/demo/stage", "Origin", "https://notebook.example",
                    "Access-Control-Request-Method", method);
            assertThat(preflight.statusCode()).as(method).isEqualTo(403);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(method).isEmpty();
            assertThat(demo.send(method, "/api/v1/daos/demo/stage").statusCode()).as(method).isEqualTo(405);
        }
    }

    @Test
    void shouldDescribeEveryEndpointInTheOpenApiDocumentAndServeItsUi() throws Exception {
        JsonNode openApi = JSON.readTree(demo.get("/api/v1/openapi.json").body());
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        openApi.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/daos", "/api/v1/daos/{dao}/proposals", "/api/v1/daos/{dao}/delegates",
                "/api/v1/daos/{dao}/metrics", "/api/v1/daos/{dao}/metrics/series", "/api/v1/daos/{dao}/councils",
                "/api/v1/daos/{dao}/paths", "/api/v1/daos/{dao}/stage", "/api/v1/daos/{dao}/stage/history",
                "/api/v1/daos/{dao}/equalizer", "/api/v1/daos/{dao}/equalizer/series", "/api/v1/daos/{dao}/milestones",
                "/api/v1/daos/{dao}/milestones/history", "/api/v1/daos/{dao}/decisions", "/api/v1/daos/{dao}/decisions/history");
        assertThat(openApi.path("paths").path("/api/v1/daos/{dao}/milestones").path("get").path("parameters").toString())
                .contains("\"block\"").contains("\"at\"").contains("\"chain\"");
        assertThat(openApi.path("paths").path("/api/v1/daos/{dao}/decisions").path("get").path("summary").asText()).contains("decisions --json");
        assertThat(openApi.path("paths").path("/api/v1/daos/{dao}/delegates").path("get").path("parameters").toString())
                .contains("\"top\"").contains("\"block\"").contains("\"at\"");
        HttpResponse<String> ui = demo.get("/api/v1/docs");
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = demo.get(URI.create(demo.base).resolve(location).getRawPath());
        assertThat(page.statusCode()).as(location).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = demo.get("/api/v1/docs/swagger-config");
        assertThat(config.statusCode()).isIn(200, 404);
    }

    @Test
    void shouldPublishTheStageHistoryAsAnAtomFeedAndTheStageAsABadge() throws Exception {
        JsonNode history = JSON.readTree(demo.get("/api/v1/daos/demo/stage/history").body());
        HttpResponse<String> feed = demo.get("/api/v1/daos/demo/stage/history.atom");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        var document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        var entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(history.path("changes").size()).isPositive();
        for (JsonNode change : history.path("changes")) {
            String evidence = demo.base + "/api/v1/daos/demo/stage?chain=31337&amp;block=" + change.path("block").asText();
            assertThat(feed.body()).contains(evidence).contains("urn:stagewatch:demo:stage:31337:" + change.path("block").asText())
                    .contains(Instant.ofEpochSecond(change.path("time").asLong()).toString().replace("Z", ""));
            for (JsonNode cause : change.path("events")) {
                assertThat(feed.body()).contains(cause.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            }
            // the evidence link answers with the stage at that block
            JsonNode then = JSON.readTree(demo.get("/api/v1/daos/demo/stage?chain=31337&block=" + change.path("block").asText()).body());
            assertThat(then.path("stageLabel").asText()).isEqualTo(change.path("stageLabel").asText());
        }

        HttpResponse<String> badge = demo.get("/api/v1/daos/demo/stage.svg");
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        JsonNode stage = JSON.readTree(demo.get("/api/v1/daos/demo/stage").body());
        String shown = stage.path("stage").isNull() ? "not rated" : "Stage " + stage.path("stage").asInt();
        assertThat(badge.body()).startsWith("<svg").contains(">" + shown + "</text>").contains("aria-label=\"stage: " + shown + "\"");
        DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(badge.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(demo.get("/api/v1/daos/nosuchdao/stage.svg").statusCode()).isEqualTo(404);
    }

    /** How each database refuses a write: SQLite's SQLITE_READONLY, PostgreSQL's read-only transaction. */
    private static final String READ_ONLY = "(?s).*(readonly|cannot execute [A-Z ]+ in a read-only transaction).*";

    @Test
    void shouldRefuseEveryWriteThroughTheApisConnection() {
        Store store = demo.context.getBean(Store.class);
        Checkpoint before = checkpoint();
        for (String write : List.of(
                "UPDATE sync_checkpoints SET block_number = block_number + 1",
                "DELETE FROM contracts",
                "INSERT INTO blocks (chain_id, block_number, block_hash, parent_hash, block_time) VALUES (1, 1, 'x', 'y', 1)",
                "CREATE TABLE intruder (x INTEGER)")) {
            assertThatThrownBy(() -> store.jdbi().useHandle(handle -> handle.execute(write))).as(write)
                    .hasMessageMatching(READ_ONLY);
        }
        assertThatThrownBy(() -> store.rollbackAbove(31337, 1, "0x00")).hasMessageMatching(READ_ONLY);
        assertThat(checkpoint()).isEqualTo(before);
        List<ContractRow> contracts = store.withSync(sync -> sync.contracts("demo"));
        assertThat(contracts).isNotEmpty();
    }

    private Checkpoint checkpoint() {
        return demo.context.getBean(Store.class).checkpoint(31337).orElseThrow();
    }
}
