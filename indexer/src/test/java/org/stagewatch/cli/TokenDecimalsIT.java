package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.cli.CliOutput.stdout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DecimalsDao;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * A votes token with 6 decimals ({@link DecimalsDao}) is shown in its own units: the human tables of {@code delegates},
 * {@code proposals} and {@code metrics} and the report show each amount as the chain's own number (getPastVotes,
 * proposalVotes, quorum, totalSupply) divided by 10⁶, while {@code --json} keeps the chain's exact base units; with the
 * decimals reading removed from the store, amounts are exact base units and the output says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenDecimalsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DELEGATE_ROW = Pattern.compile("^\\s*\\d+\\s+(0x[0-9a-f]{40})\\s+([\\d,.]+)\\s");

    AnvilNode node;
    DecimalsDao dao;
    ChainView chain;
    Path dir;
    String db;
    long head;

    @BeforeAll
    void indexTheSixDecimalsDao() throws Exception {
        node = AnvilNode.start(31337);
        dao = DecimalsDao.deployAndPlay(node);
        chain = new ChainView(node.web3j());
        dir = Files.createTempDirectory("stagewatch-decimals-it");
        Path config = dir.resolve("six.yml");
        Files.writeString(config, """
                chains:
                  dev: {chainId: %d, rpc: "%s", confirmations: 0}
                daos:
                  six:
                    contracts:
                      - {kind: votes-token, chain: dev, address: "%s", label: SIX, startBlock: %d, transfers: true}
                      - {kind: governor, chain: dev, address: "%s", label: Governor, startBlock: %d}
                """.formatted(dao.chainId(), node.rpcUrl(), dao.token().checksummed(), dao.token().block(),
                dao.governor().checksummed(), dao.governor().block()));
        db = dir.resolve("six.db").toString();
        new Indexer(new Store(Database.open(db)), EventDecoder.standard(), SyncProgress.NONE)
                .backfill(ConfigLoader.load(config), OptionalLong.empty());
        head = chain.head();
        node.mine(1); // every indexed block is now in the past, where getPastVotes answers
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldShowEachDelegatesVotesAsGetPastVotesOverTenToTheSix() throws Exception {
        String out = stdout("delegates", "--dao", "six", "--db", db, "--top", "100");
        assertThat(out).contains("(in tokens of 6 decimals)").contains("votes (tokens)");
        Map<String, String> shown = new LinkedHashMap<>();
        for (String line : out.lines().toList()) {
            Matcher row = DELEGATE_ROW.matcher(line);
            if (row.find()) {
                shown.put(row.group(1), row.group(2));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        BigInteger total = BigInteger.ZERO;
        for (String holder : dao.holders()) {
            BigInteger votes = chain.getPastVotes(dao.token().address(), holder, head);
            total = total.add(votes);
            if (votes.signum() > 0) {
                expected.put(holder, tokens(votes));
            }
        }
        assertThat(shown).hasSize(6).isEqualTo(expected);
        assertThat(out).contains("hold " + tokens(total) + " delegated votes");
        // the unit is the token's: holder 7's 1,000,000.000001 tokens (10^12 + 1 base units) sit with holder 1
        assertThat(shown.get(dao.holders().get(1))).isEqualTo("1,180,000.65");

        JsonNode ranking = JSON.readTree(stdout("delegates", "--dao", "six", "--db", db, "--top", "100", "--json"));
        for (JsonNode delegate : ranking.get("top")) {
            assertThat(delegate.get("power").asText()).as("--json keeps base units")
                    .isEqualTo(chain.getPastVotes(dao.token().address(), delegate.get("address").asText(), ranking.get("block").asLong()).toString());
        }
    }

    @Test
    void shouldShowTalliesAndQuorumAsTheGovernorCountsThemOverTenToTheSix() throws Exception {
        String out = stdout("proposals", "--dao", "six", "--db", db, "--wide");
        assertThat(out).contains("weights in tokens of 6 decimals");
        List<BigInteger> tally = proposalVotes(dao.governor().address(), dao.voted()); // against, for, abstain
        BigInteger quorum = chain.quorum(dao.governor().address(), dao.snapshotBlock());
        String row = out.lines().filter(line -> line.strip().startsWith(dao.voted().toString() + " ")).findFirst().orElseThrow();
        List<String> cells = List.of(row.strip().split("\\s{2,}"));
        assertThat(cells.subList(1, 9)).containsExactly("DEFEATED", tokens(tally.get(1)), tokens(tally.get(0)), tokens(tally.get(2)),
                "6", cells.get(6), tokens(quorum), signed(tally.get(1).add(tally.get(2)).subtract(quorum)));
        String canceled = out.lines().filter(line -> line.strip().startsWith(dao.canceled().toString() + " ")).findFirst().orElseThrow();
        List<String> canceledCells = List.of(canceled.strip().split("\\s{2,}"));
        assertThat(canceledCells.get(1)).isEqualTo("CANCELED");
        assertThat(canceledCells.get(8)).as("no quorum margin for a canceled proposal").isEqualTo("-");

        JsonNode json = JSON.readTree(stdout("proposals", "--dao", "six", "--db", db, "--json"));
        JsonNode voted = null;
        for (JsonNode proposal : json.get("proposals")) {
            if (proposal.get("proposalId").asText().equals(dao.voted().toString())) {
                voted = proposal;
            }
        }
        assertThat(voted).isNotNull();
        assertThat(voted.get("forVotes").asText()).isEqualTo(tally.get(1).toString());
        assertThat(voted.get("quorum").asText()).isEqualTo(quorum.toString());
    }

    @Test
    void shouldShowDelegatedVotesQuorumAndSupplyOverTenToTheSix() throws Exception {
        String out = stdout("metrics", "--dao", "six", "--db", db);
        assertThat(out).contains("amounts in tokens of 6 decimals");
        BigInteger total = BigInteger.ZERO;
        long block = JSON.readTree(stdout("metrics", "--dao", "six", "--db", db, "--json")).get("block").asLong();
        for (String holder : dao.holders()) {
            total = total.add(chain.getPastVotes(dao.token().address(), holder, block));
        }
        assertThat(out).containsPattern("(?m)^delegated votes T\\s+" + Pattern.quote(tokens(total)) + "\\s");
        assertThat(out).contains("total supply " + tokens(chain.getPastTotalSupply(dao.token().address(), block)) + " tokens")
                .contains("total supply 10,000,000.00 tokens");
    }

    @Test
    void shouldShowTheProposalThresholdAmongTheEqualizersInputsOverTenToTheSix() throws Exception {
        Function function = new Function("proposalThreshold", List.of(), List.of(new TypeReference<Uint256>() { }));
        String answer = node.web3j().ethCall(Transaction.createEthCallTransaction(null, dao.governor().address(),
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send().getValue();
        BigInteger threshold = (BigInteger) FunctionReturnDecoder.decode(answer, function.getOutputParameters()).get(0).getValue();
        assertThat(stdout("equalizer", "--dao", "six", "--db", db)).contains("proposalThreshold=" + tokens(threshold) + " tokens");
    }

    @Test
    void shouldShowTheReportsAmountsInTheTokensOwnUnits() throws Exception {
        Path report = dir.resolve("report.md");
        stdout("report", "--dao", "six", "--db", db, "--out", report.toString());
        String text = Files.readString(report);
        long block = JSON.readTree(stdout("metrics", "--dao", "six", "--db", db, "--json")).get("block").asLong();
        BigInteger total = BigInteger.ZERO;
        for (String holder : dao.holders()) {
            total = total.add(chain.getPastVotes(dao.token().address(), holder, block));
        }
        assertThat(text).contains("amounts in tokens of 6 decimals").contains(tokens(total) + " tokens");
    }

    @Test
    void shouldShowBaseUnitsAndSaySoWhileDecimalsAreNotRead() throws Exception {
        Path copy = dir.resolve("unread.db");
        Files.copy(Path.of(db), copy);
        new Store(Database.open(copy.toString())).jdbi().useHandle(handle -> handle.execute("DELETE FROM state_reads WHERE name = 'decimals'"));
        String out = stdout("delegates", "--dao", "six", "--db", copy.toString(), "--top", "100");
        assertThat(out).contains("in base units: the token's decimals() has not been read").contains("votes (base units)");
        BigInteger heaviest = chain.getPastVotes(dao.token().address(), dao.holders().get(1), head);
        assertThat(out).contains(" " + String.format(Locale.ROOT, "%,d", heaviest) + " ");
        assertThat(stdout("metrics", "--dao", "six", "--db", copy.toString())).contains("amounts in base units")
                .contains("total supply 10,000,000,000,000 base units");
    }

    /** The chain's amount in whole tokens of 6 decimals, as a person reads it: thousands separators, two places. */
    private static String tokens(BigInteger baseUnits) {
        return String.format(Locale.ROOT, "%,.2f", new BigDecimal(baseUnits).divide(BigDecimal.TEN.pow(DecimalsDao.DECIMALS)));
    }

    private static String signed(BigInteger baseUnits) {
        return (baseUnits.signum() < 0 ? "-" : "+") + tokens(baseUnits.abs());
    }

    @SuppressWarnings("rawtypes")
    private List<BigInteger> proposalVotes(String governor, BigInteger id) throws Exception {
        Function function = new Function("proposalVotes", List.of(new Uint256(id)), List.of(new TypeReference<Uint256>() { },
                new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
        String answer = node.web3j().ethCall(Transaction.createEthCallTransaction(null, governor, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST).send().getValue();
        List<BigInteger> values = new ArrayList<>();
        for (Type value : FunctionReturnDecoder.decode(answer, function.getOutputParameters())) {
            values.add((BigInteger) value.getValue());
        }
        return values;
    }
}
