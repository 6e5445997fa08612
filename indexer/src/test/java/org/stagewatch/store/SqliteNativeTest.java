package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

/**
 * sqlite-jdbc's native library is copied once into a versioned folder of the user's cache and loaded from there:
 * processes killed with -9 leave nothing in the temporary folder (sqlite-jdbc's own copy there has a new name in
 * every process and is deleted only at a normal exit).
 */
class SqliteNativeTest {
    @TempDir
    Path dir;

    /** Opens a database, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        Database.open(args[0]).jdbi().useHandle(handle -> handle.execute("SELECT 1"));
        System.out.println("open");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void shouldLeaveNothingInTheTemporaryFolderWhenKilled() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        for (int kill = 0; kill < 3; kill++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), SqliteNativeTest.class.getName(), dir.resolve("a.db").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("XDG_CACHE_HOME", cache.toString());
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("open");
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no deleteOnExit
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString()).filter(name -> name.contains("sqlite")).toList())
                    .as("native library copies in the temporary folder").isEmpty();
        }
        List<Path> libraries;
        try (Stream<Path> copied = Files.walk(cache)) {
            libraries = copied.filter(Files::isRegularFile).toList();
        }
        assertThat(libraries).hasSize(1);
        assertThat(cache.relativize(libraries.get(0)).toString())
                .startsWith("stagewatch/sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "/")
                .endsWith(System.mapLibraryName("sqlitejdbc"));
    }
}
