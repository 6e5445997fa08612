package org.stagewatch.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;
import org.stagewatch.config.RpcUrls;

/**
 * A PostgreSQL {@code --db}: a libpq-style URL ({@code postgresql://user[:password]@host[:port]/db[?schema=…]},
 * {@code postgres://} too) or a JDBC URL ({@code jdbc:postgresql:…}), turned into the JDBC URL the driver takes and
 * the form shown to people. The password comes, as with libpq, from the URL, else from {@code PGPASSWORD}, else
 * from the password file ({@code PGPASSFILE} or {@code ~/.pgpass}, which the driver reads itself when no password
 * is given). The shown form is cut after the host ({@link RpcUrls#redact}): the user info, database name and
 * options may hold a secret and never appear in a message or a log line.
 */
public record PostgresTarget(String jdbcUrl, String password, String shown) {
    private static final Pattern PASSWORD_OPTION = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);

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
            return new PostgresTarget(target, ownPassword ? null : envPassword, RpcUrls.redact(target));
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
                jdbc.append(separator).append(name.equals("schema") ? "currentSchema" : pair[0]).append('=').append(value);
                separator = '&';
            }
        }
        return new PostgresTarget(jdbc.toString(), password != null ? password : envPassword, shown);
    }

    /** A data source for this database (not pooled: {@link Database} pools it). */
    PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl);
        if (password != null) {
            source.setPassword(password);
        }
        return source;
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
