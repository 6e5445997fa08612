package org.stagewatch.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * How one votes token's amounts are shown to people: in whole tokens of the token's own {@code decimals()}, as the
 * sync read it once and stored it (the state read {@code decimals}, also the view {@code token_decimals}), to two
 * places with thousands separators. Until that reading exists — a token without the function, a failing call —
 * amounts are shown as exact base units and {@link #unit()} says so: no token is assumed to have 18 decimals.
 * Display only: every JSON and CSV document keeps exact base units.
 *
 * @param token    the token's address, null for a DAO without a votes token
 * @param decimals the stored {@code decimals()}, null while not read
 */
public record TokenUnits(String token, Integer decimals) {
    /** Places after the point shown in whole tokens (fewer when the token itself has fewer). */
    static final int PLACES = 2;
    /** decimals() is a uint8: anything above is not a scale. */
    private static final int MAX_DECIMALS = 255;

    /** The units of the DAO's votes token (the one every voting-power answer measures); base units without one. */
    public static TokenUnits of(Store store, DaoScope dao) {
        Optional<ContractRow> token = dao.ofKind(ContractKind.VOTES_TOKEN).stream().findFirst();
        return token.map(row -> of(store, row.chainId(), row.address())).orElse(new TokenUnits(null, null));
    }

    /** The units of the DAO's votes token on {@code chainId} (what that chain's governors count weights in). */
    public static TokenUnits of(Store store, DaoScope dao, long chainId) {
        return dao.ofKind(ContractKind.VOTES_TOKEN).stream().filter(row -> row.chainId() == chainId).findFirst()
                .map(row -> of(store, row.chainId(), row.address())).orElseGet(() -> of(store, dao));
    }

    public static TokenUnits of(Store store, long chainId, String token) {
        Integer decimals = store.jdbi().withExtension(StateReadDao.class,
                        dao -> dao.latest(chainId, token, "decimals", "", Long.MAX_VALUE))
                .map(StateRead::value).map(TokenUnits::parse).orElse(null);
        return new TokenUnits(token, decimals);
    }

    /** The units of every token a printout names, each read from the store once. */
    public static final class Book {
        private final BiFunction<Long, String, TokenUnits> read;
        private final Map<String, TokenUnits> known = new HashMap<>();

        public Book(Store store) {
            this((chainId, token) -> TokenUnits.of(store, chainId, token));
        }

        /** @param read the units of (chain id, token), asked once per token */
        public Book(BiFunction<Long, String, TokenUnits> read) {
            this.read = read;
        }

        public TokenUnits of(long chainId, String token) {
            return known.computeIfAbsent(chainId + ":" + token, key -> read.apply(chainId, token));
        }

        /** {@code amount} of {@code token} with its unit: "400,000.00 tokens" or "400000… base units". */
        public String amount(long chainId, String token, BigInteger amount) {
            TokenUnits units = of(chainId, token);
            return units.format(amount) + " " + units.unit();
        }
    }

    private static Integer parse(String value) {
        try {
            int decimals = Integer.parseInt(value.trim());
            return decimals < 0 || decimals > MAX_DECIMALS ? null : decimals;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean known() {
        return decimals != null;
    }

    /** {@code amount} (base units) as people read it: "1,234.57" in whole tokens, or "1,234,567,891" base units. */
    public String format(BigInteger amount) {
        if (decimals == null) {
            return String.format(Locale.ROOT, "%,d", amount);
        }
        BigDecimal whole = new BigDecimal(amount).movePointLeft(decimals).setScale(Math.min(PLACES, decimals), RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + whole.scale() + "f", whole);
    }

    /** A signed amount: "+1,234.57", "-12.00" (a quorum margin). */
    public String signed(BigInteger amount) {
        return (amount.signum() < 0 ? "-" : "+") + format(amount.abs());
    }

    /** The unit a {@link #format formatted} amount is in, for a header or column title: "tokens" or "base units". */
    public String unit() {
        return decimals == null ? "base units" : "tokens";
    }

    /** Inputs of the equalizer that are amounts of the DAO's votes token (the rest are counts, seconds, labels). */
    static final Set<String> AMOUNT_INPUTS = Set.of("proposalThreshold");

    /** An equalizer input as people read it: an amount of the token in its units, anything else as it is. */
    public String input(String name, Object value) {
        if (value != null && AMOUNT_INPUTS.contains(name) && value.toString().matches("[0-9]+")) {
            return format(new BigInteger(value.toString())) + " " + unit();
        }
        return String.valueOf(value);
    }

    /** One phrase saying what the amounts are: "in tokens of 6 decimals" or why they are in base units. */
    public String describe() {
        if (token == null) {
            return "in base units (the DAO has no votes token)";
        }
        if (decimals == null) {
            return "in base units: the token's decimals() has not been read (run index again; a token without decimals() stays in base units)";
        }
        return "in tokens of " + decimals + " decimals";
    }
}
