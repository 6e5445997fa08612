package org.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.RequirementResult;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.analyze.stage.StageReport;
import org.stagewatch.cli.StagewatchCommand;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * {@code stagewatch report} on the demo DAO, deployed, played and indexed on a real anvil: the HTML page
 * and the Markdown document (with its PNGs) are checked against the chain itself — the council Safe's
 * getThreshold()/getOwners(), the ProxyAdmin's owner() — and against the stage analyzer, every chart
 * must decode as a PNG, every evidence link must be a link; a bad --out and an unknown DAO exit 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIT {
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    AnvilNode node;
    DemoDao dao;
    Path dir;
    String db;
    Store store;
    Path html;
    Path md;
    String htmlText;
    String mdText;
    String htmlErr;
    String mdErr;

    @BeforeAll
    void deployPlayIndexAndReport() throws Exception {
        dir = Files.createTempDirectory("stagewatch-report-it");
        node = AnvilNode.start(31337);
        dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 42);
        Path config = dir.resolve("demo.yml");
        DevnetConfigWriter.write(config, node.chainId(), node.rpcUrl(), dao);
        db = dir.resolve("demo.db").toString();
        store = new Store(Database.open(db));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        html = dir.resolve("out/demo report.html");
        md = dir.resolve("md/demo.md");
        long started = System.nanoTime();
        Run htmlRun = run("report", "--dao", "demo", "--db", db, "--out", html.toString());
        long htmlMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Run mdRun = run("report", "--dao", "demo", "--db", db, "--out", md.toString(), "--every", "5blocks");
        long mdMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("report on the demo database: html %d ms, md (every 5blocks) %d ms%n", htmlMillis, mdMillis);
        assertThat(htmlRun.exit).as(htmlRun.err).isZero();
        assertThat(mdRun.exit).as(mdRun.err).isZero();
        htmlErr = htmlRun.err;
        mdErr = mdRun.err;
        htmlText = Files.readString(html);
        mdText = Files.readString(md);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        try {
            int exit = StagewatchCommand.execute(args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
            System.err.print(err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldShowTheCouncilsThresholdAndEveryOwnerAsTheSafeReportsThemOnChain() throws Exception {
        String safe = dao.councilSafe().address();
        BigInteger threshold = uint(safe, "getThreshold");
        List<String> owners = addresses(safe, "getOwners");
        assertThat(owners).isNotEmpty();
        for (String document : List.of(htmlText, mdText)) {
            assertThat(document).contains("Security Council: threshold " + threshold + " of " + owners.size())
                    .contains(threshold + " of " + owners.size() + " owners").contains(safe.toLowerCase(Locale.ROOT));
            owners.forEach(owner -> assertThat(document).contains(owner.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void shouldShowTheRouteThroughTheProxyAdminOwnerTheChainReports() throws Exception {
        String owner = address(dao.proxyAdmin().address(), "owner").toLowerCase(Locale.ROOT);
        assertThat(owner).isEqualTo(dao.upgradeExecutor().address().toLowerCase(Locale.ROOT));
        for (String document : List.of(htmlText, mdText)) {
            assertThat(document).contains("3. Routes to critical contracts").contains(dao.bridgeProxy().address().toLowerCase(Locale.ROOT))
                    .contains(dao.proxyAdmin().address().toLowerCase(Locale.ROOT)).contains(owner);
        }
    }

    @Test
    void shouldShowTheStageTheAnalyzerRatesWithEveryRequirementAndItsStatus() {
        DaoScope scope = DaoScope.load(store, "demo");
        StageReport stage = new StageAnalyzer(store).rate(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertThat(htmlText).contains("<h2 id=\"stage\">1. Stage: " + stage.stageLabel() + "</h2>");
        assertThat(mdText).contains("## 1. Stage: " + stage.stageLabel());
        String window = stage.exitWindowSeconds() == null ? "n/a" : Durations.of(stage.exitWindowSeconds());
        assertThat(htmlText).contains(window);
        assertThat(mdText).contains(window);
        for (RequirementResult requirement : stage.requirements()) {
            assertThat(htmlText).contains("<td><code>" + requirement.id() + "</code></td><td class=\"" + requirement.status() + "\">"
                    + requirement.status() + "</td>");
            assertThat(mdText).contains("| `" + requirement.id() + "` |");
        }
        assertThat(stage.missing()).allSatisfy(id -> assertThat(htmlText).contains(id));
    }

    @Test
    void shouldMakeEveryEvidenceLinkALinkAndTheSectionsReachable() {
        DaoScope scope = DaoScope.load(store, "demo");
        StageReport stage = new StageAnalyzer(store).rate(scope, ChainPoints.resolve(store, scope, null, null, null));
        List<String> links = stage.requirements().stream().flatMap(requirement -> requirement.evidence().stream())
                .map(Evidence::link).filter(link -> link != null).distinct().toList();
        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(htmlText).contains("<a href=\"" + ReportHtml.escape(link) + "\">");
            assertThat(mdText).contains("](" + ReportMarkdown.path(link) + ")");
        }
        for (String anchor : List.of("stage", "requirements", "routes", "councils", "concentration", "equalizer")) {
            assertThat(htmlText).contains("href=\"#" + anchor + "\"").contains(" id=\"" + anchor + "\"");
        }
        assertThat(mdText).contains("](#1-stage-").contains("](#6-decentralization-equalizer)");
    }

    @Test
    void shouldEmbedEveryChartInTheHtmlAsAValidPng() throws Exception {
        Matcher images = DATA_URI.matcher(htmlText);
        List<BufferedImage> decoded = new ArrayList<>();
        while (images.find()) {
            decoded.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1)))));
        }
        assertThat(decoded).hasSize(3).allSatisfy(image -> assertThat(image).isNotNull());
        assertThat(decoded).allSatisfy(image -> assertThat(image.getWidth()).isGreaterThan(500));
        assertThat(htmlText).doesNotContain("<script").contains("<style>").doesNotContain("src=\"http");
    }

    @Test
    void shouldWriteEveryMarkdownChartAsAPngBesideTheDocumentAndLinkItRelatively() throws Exception {
        for (String name : List.of("concentration", "equalizer-now", "equalizer")) {
            Path png = md.resolveSibling("demo-" + name + ".png");
            assertThat(png).exists();
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
            assertThat(ImageIO.read(png.toFile())).isNotNull();
            assertThat(mdText).contains("](demo-" + name + ".png)");
            assertThat(mdErr).contains("report: wrote " + png + " (");
        }
        assertThat(mdText).contains("every 5blocks");
    }

    @Test
    void shouldShowConcentrationAndTheEqualizerOverAboutFiftySamplesByDefault() {
        Matcher samples = Pattern.compile("Concentration over (\\d+) samples, every (\\d+)blocks").matcher(htmlText);
        assertThat(samples.find()).isTrue();
        assertThat(Integer.parseInt(samples.group(1))).isBetween(2, ReportData.DEFAULT_SAMPLES);
        assertThat(htmlText).contains("The six scores over ").contains("<h2 id=\"concentration\">5. Voting-power concentration</h2>")
                .contains(dao.token().address().toLowerCase(Locale.ROOT));
        for (String dimension : List.of("votingPower", "upgradeControl", "securityCouncil", "treasuryControl", "proposalAccess",
                "participation")) {
            assertThat(htmlText).contains("<code>" + dimension + "</code>");
            assertThat(mdText).contains("| `" + dimension + "` |");
        }
    }

    @Test
    void shouldPrintProgressAndEachFileWrittenWithItsSize() {
        assertThat(htmlErr).contains("stage…").contains("routes…").contains("stage history…").contains("equalizer series")
                .contains("report: wrote " + html + " (").contains(" bytes)").contains("report: done in ");
    }

    @Test
    void shouldRefuseAnOutFileThatIsNeitherHtmlNorMarkdown() {
        Path pdf = dir.resolve("demo.pdf");
        Run result = run("report", "--dao", "demo", "--db", db, "--out", pdf.toString());
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("stagewatch report: --out " + pdf).contains(".html").contains(".md");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void shouldNameAnUnknownDaoAndTheIndexedOnes() {
        Path out = dir.resolve("nope.html");
        Run result = run("report", "--dao", "nope", "--db", db, "--out", out.toString());
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("no DAO 'nope'").contains("indexed DAOs: demo");
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldRefuseAnEveryThatIsNotAStep() {
        Run result = run("report", "--dao", "demo", "--db", db, "--out", dir.resolve("x.md").toString(), "--every", "weekly");
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("--every 'weekly'");
    }

    private BigInteger uint(String contract, String function) throws Exception {
        return (BigInteger) call(contract, function, new TypeReference<Uint256>() { }).getValue();
    }

    private String address(String contract, String function) throws Exception {
        return ((Address) call(contract, function, new TypeReference<Address>() { })).getValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> addresses(String contract, String function) throws Exception {
        DynamicArray<Address> array = (DynamicArray<Address>) call(contract, function, new TypeReference<DynamicArray<Address>>() { });
        return array.getValue().stream().map(Address::getValue).toList();
    }

    @SuppressWarnings("rawtypes")
    private Type call(String contract, String name, TypeReference<?> output) throws Exception {
        Function function = new Function(name, List.of(), List.of(output));
        var response = node.web3j().ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST).send();
        if (response.hasError()) {
            throw new IllegalStateException(name + " on " + contract + ": " + response.getError().getMessage());
        }
        return FunctionReturnDecoder.decode(response.getValue(), function.getOutputParameters()).get(0);
    }
}
