package org.stagewatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Where sqlite-jdbc loads its native library from. By default it copies the library out of its jar into the
 * temporary folder under a new random name at every start and deletes it at exit, so every process killed
 * with -9 leaves a 1 MB copy behind. Instead the library is copied once into a folder named after the
 * sqlite-jdbc version, in the user's cache ({@code $XDG_CACHE_HOME/stagewatch}, else
 * {@code ~/.cache/stagewatch}), and loaded from there through sqlite-jdbc's own {@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name} properties. When those are already set, or the copy cannot be made, the
 * library's default stays.
 */
final class SqliteNative {
    private SqliteNative() {
    }

    static synchronized void useFixedLocation() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // chosen by whoever started the JVM
        }
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = "/org/sqlite/native/" + folder + "/" + name;
            Path cache = cacheFolder();
            if (cache == null) {
                return;
            }
            Path target = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()).resolve(folder);
            Path library = target.resolve(name);
            try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return; // no library for this platform in the jar: sqlite-jdbc reports that itself
                }
                byte[] bytes = in.readAllBytes();
                if (!Files.isRegularFile(library) || !Arrays.equals(Files.readAllBytes(library), bytes)) {
                    // written under a name of its own and moved into place, so processes starting together never
                    // load a half-written file
                    Files.createDirectories(target);
                    Path partial = Files.createTempFile(target, name, ".partial");
                    try {
                        Files.write(partial, bytes);
                        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                }
            }
            System.setProperty("org.sqlite.lib.path", target.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc extracts into the temporary folder as usual
        }
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "stagewatch");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "stagewatch");
    }
}
