package org.stagewatch.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.stagewatch.config.RpcUrls;

/**
 * A PostgreSQL {@code --db}: a libpq-style URL ({@code postgresql://user[:password]@host[:port]/db[?schema=…]},
 * {@code postgres://} too) or a JDBC URL ({@code jdbc:postgresql:…}), turned into the JDBC URL the driver takes and
 * the form shown to people. The password comes, as with libpq, from the URL, else from {@code PGPASSWORD}, else
 * from the password file ({@link PasswordFile}: {@code PGPASSFILE} or {@code ~/.pgpass}, ignored with a warning when
 * its group or others may read it). The driver never reads the password file itself: without a password its
 * connections ask {@link NoPassword}, which refuses a server that wants one. The shown form is cut after the host
 * ({@link RpcUrls#redact}): the user info, database name and options may hold a secret and never appear in a message
 * or a log line.
 *
 * @param password      the password to connect with; null for none (or the JDBC URL's own)
 * @param passwordInUrl whether a JDBC URL carries its own {@code password=} option
 */
public record PostgresTarget(String jdbcUrl, String password, boolean passwordInUrl, String shown) {
    private static final String DEFAULT_PORT = "5432";

    private static final Pattern PASSWORD_OPTION = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);
    private static final Pattern REWRITE_OPTION = Pattern.compile("[?&]reWriteBatchedInserts=", Pattern.CASE_INSENSITIVE);

    /** Whether {@code target} names a PostgreSQL database (as opposed to a SQLite file). */
    public static boolean matches(String target) {
        return target.startsWith("jdbc:postgresql:") || target.startsWith("postgresql://") || target.startsWith("postgres://");
    }

    /** @param environment where {@code PGPASSWORD} is looked up ({@link System#getenv()} outside tests) */
    public static PostgresTarget parse(String target, Map<String, String> environment) {
        String envPassword = environment.get("PGPASSWORD");
        if (envPassword != null && envPassword.isEmpty()) {
            envPassword = null;
        }
        if (target.startsWith("jdbc:postgresql:")) {
            boolean ownPassword = PASSWORD_OPTION.matcher(target).find();
            String password = ownPassword ? null : envPassword != null ? envPassword : jdbcPasswordFile(target, environment);
            return new PostgresTarget(target, password, ownPassword, RpcUrls.redact(target));
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new StoreException("--db " + RpcUrls.redact(target) + " is not a valid URL (" + e.getReason()
                    + "); write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=SCHEMA], with %-escapes for special characters");
        }
        String shown = RpcUrls.redact(target);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new StoreException("--db " + shown + " names no host: write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new StoreException("--db " + shown + " names no database: write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE "
                    + "(create it first: createdb DATABASE)");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority().replaceFirst("^.*@", ""))
                .append('/').append(path);
        char separator = '?';
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length == 2 ? decode(parts[1]) : null;
        }
        if (user != null && !user.isEmpty()) {
            jdbc.append(separator).append("user=").append(encode(user));
            separator = '&';
        }
        if (uri.getRawQuery() != null) {
            for (String option : uri.getRawQuery().split("&")) {
                if (option.isEmpty()) {
                    continue;
                }
                String[] pair = option.split("=", 2);
                String name = decode(pair[0]);
                String value = pair.length == 2 ? pair[1] : "";
                if (name.equals("password")) {
                    password = decode(value);
                    continue;
                }
                if (name.equals("user")) {
                    user = decode(value);
                }
                jdbc.append(separator).append(name.equals("schema") ? "currentSchema" : pair[0]).append('=').append(value);
                separator = '&';
            }
        }
        if (password == null) {
            password = envPassword;
        }
        if (password == null) {
            String host = uri.getHost().replaceAll("^\\[|]$", ""); // an IPv6 address without its brackets, as libpq compares it
            password = PasswordFile.lookup(environment, host, uri.getPort() < 0 ? DEFAULT_PORT : Integer.toString(uri.getPort()),
                    decode(path), user == null || user.isEmpty() ? System.getProperty("user.name") : user);
        }
        return new PostgresTarget(jdbc.toString(), password, false, shown);
    }

    /** The password file's password for a JDBC URL's (first) host, port, database and user; null for none. */
    private static String jdbcPasswordFile(String target, Map<String, String> environment) {
        Properties defaults = new Properties();
        defaults.setProperty("password", ""); // present: the driver's parser does not look in the password file itself
        Properties parsed = Driver.parseURL(target, defaults);
        if (parsed == null) {
            return null;
        }
        String user = parsed.getProperty("user");
        return PasswordFile.lookup(environment, first(parsed.getProperty("PGHOST", "localhost")), first(parsed.getProperty("PGPORT", DEFAULT_PORT)),
                parsed.getProperty("PGDBNAME"), user == null || user.isEmpty() ? System.getProperty("user.name") : user);
    }

    private static String first(String list) {
        return list.split(",", 2)[0];
    }

    /** The schema the URL names ({@code ?schema=}, or a JDBC URL's {@code currentSchema=}); null when it names none. */
    public String schema() {
        Properties defaults = new Properties();
        defaults.setProperty("password", ""); // the password file has nothing to do with the schema
        Properties parsed = Driver.parseURL(jdbcUrl, defaults);
        String schema = parsed == null ? null : parsed.getProperty("currentSchema");
        return schema == null || schema.isBlank() ? null : schema;
    }

    /** A connection of its own, outside any pool (for set-up work such as a benchmark's schema). */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** A data source for this database (not pooled: {@link Database} pools it). */
    PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl);
        if (!REWRITE_OPTION.matcher(jdbcUrl).find()) {
            // a batch of inserts (a range's rows) goes as multi-row INSERTs, not one statement per row: fewer round
            // trips and executions for the server (the URL may still say otherwise)
            source.setReWriteBatchedInserts(true);
        }
        if (password != null) {
            source.setPassword(password);
        } else if (!passwordInUrl) {
            // the driver would otherwise read the password file on its own, also one libpq ignores
            source.setAuthenticationPluginClassName(NoPassword.class.getName());
        }
        return source;
    }

    /**
     * The driver's source of a password when none was given: a server that trusts the connection never asks it; one
     * that wants a password is told, in one line, where a password may come from.
     */
    public static final class NoPassword implements AuthenticationPlugin {
        @Override
        public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
            throw new PSQLException("the server asks for a password and none was given: put it in the URL (USER:PASSWORD@), in "
                    + "PGPASSWORD, or in ~/.pgpass (or the file PGPASSFILE names) with permissions 0600", PSQLState.INVALID_PASSWORD);
        }
    }

    @Override
    public String toString() {
        return shown;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
