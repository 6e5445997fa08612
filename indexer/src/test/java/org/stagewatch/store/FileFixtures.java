package org.stagewatch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files in states the file system must enforce: immutable ({@code chattr +i}, which holds even for root),
 * and fingerprints of a folder to show a command left every byte of it as it was.
 */
public final class FileFixtures implements AutoCloseable {
    private final List<Path> immutable = new ArrayList<>();

    /**
     * Makes the paths immutable (a folder: nothing can be created, renamed or deleted in it). Returns false when
     * this machine does not allow it (not root, or a file system without the attribute).
     */
    public boolean makeImmutable(Path... paths) {
        for (Path path : paths) {
            if (!chattr("+i", path)) {
                return false;
            }
            immutable.add(path);
        }
        return true;
    }

    @Override
    public void close() {
        for (int i = immutable.size() - 1; i >= 0; i--) {
            chattr("-i", immutable.get(i));
        }
        immutable.clear();
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every file under {@code folder} (names relative to it) with the SHA-256 of its bytes; folders as "dir". */
    public static TreeMap<String, String> fingerprint(Path folder) throws IOException {
        TreeMap<String, String> prints = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                prints.put(folder.relativize(path).toString(), Files.isDirectory(path) ? "dir" : sha256(path));
            }
        }
        return prints;
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
