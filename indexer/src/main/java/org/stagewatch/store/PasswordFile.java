package org.stagewatch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpq's password file, read as libpq reads it: the file {@code PGPASSFILE} names, else {@code ~/.pgpass}
 * ({@code %APPDATA%\postgresql\pgpass.conf} on Windows); lines {@code host:port:database:user:password}, each of the first
 * four a value or {@code *}, {@code \:} and {@code \\} escaping, {@code #} starting a comment; the first line that
 * matches gives the password. As with libpq, a file that is not a plain file, or that its group or others may read,
 * write or run (permissions beyond {@code u=rw}), is ignored, with one warning saying what to do.
 */
final class PasswordFile {
    /** The driver's own system property for the file; it goes before {@code PGPASSFILE}, as in the driver. */
    static final String DRIVER_PROPERTY = "org.postgresql.pgpassfile";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PasswordFile() {
    }

    /** The file libpq would read (it need not exist); null when there is no home folder to look in. */
    static Path location(Map<String, String> environment) {
        String property = System.getProperty(DRIVER_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String named = environment.get("PGPASSFILE");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        if (windows()) {
            String appData = environment.get("APPDATA");
            return appData == null || appData.isBlank() ? null : Path.of(appData, "postgresql", "pgpass.conf");
        }
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return home == null || home.isBlank() ? null : Path.of(home, ".pgpass");
    }

    /**
     * The password the password file holds for this connection, or null: no file, no line that matches, or a file
     * libpq would ignore (told in one warning).
     */
    static String lookup(Map<String, String> environment, String host, String port, String database, String user) {
        Path file = location(environment);
        if (file == null || !Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            LOG.warn("password file {} is not a plain file and is ignored", file);
            return null;
        }
        if (!windows()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.retainAll(OTHERS);
                if (!permissions.isEmpty()) {
                    LOG.warn("password file {} has group or world access and is ignored, as libpq ignores it; permissions should be "
                            + "u=rw (0600) or less: chmod 0600 {}", file, file);
                    return null;
                }
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system: libpq checks nothing there either
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("password file {} cannot be read ({}) and is ignored", file, e.getClass().getSimpleName());
            return null;
        }
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), port) && matches(fields.get(2), database)
                    && matches(fields.get(3), user)) {
                return fields.get(4);
            }
        }
        return null;
    }

    /**
     * The four fields before the password, unescaped (null for an unescaped {@code *}, which matches anything), and the
     * password (the rest of the line, unescaped); fewer: a malformed line.
     */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(5);
        StringBuilder field = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
                escaped = true;
            } else if (c == ':' && fields.size() < 4) {
                fields.add(!escaped && field.toString().equals("*") ? null : field.toString());
                field.setLength(0);
                escaped = false;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (fields.size() == 4) {
            fields.add(field.toString());
        }
        return fields;
    }

    private static boolean matches(String field, String value) {
        return field == null || field.equals(value);
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
