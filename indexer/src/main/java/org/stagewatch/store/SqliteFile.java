package org.stagewatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a {@code --db} path holds, read from the file system and the first bytes of the file only, before
 * SQLite opens it: SQLite itself would answer a directory, a text file or a truncated copy with an error
 * code at the first query (or, for some, silently create or convert the file). Reading a header never
 * changes the file.
 */
record SqliteFile(Path path, Kind kind, long size, long expectedSize, boolean walMode) {
    /** The first 16 bytes of every SQLite database file (https://sqlite.org/fileformat.html). */
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;

    enum Kind { MISSING, DIRECTORY, EMPTY, TEXT, NOT_SQLITE, TRUNCATED, SQLITE }

    static SqliteFile inspect(Path path) {
        if (Files.isDirectory(path)) {
            return new SqliteFile(path, Kind.DIRECTORY, 0, 0, false);
        }
        if (!Files.exists(path)) {
            return new SqliteFile(path, Kind.MISSING, 0, 0, false);
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                return new SqliteFile(path, Kind.EMPTY, 0, 0, false);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(4096);
            }
            if (!startsWithMagic(head)) {
                return new SqliteFile(path, isText(head) ? Kind.TEXT : Kind.NOT_SQLITE, size, 0, false);
            }
            if (head.length < HEADER) {
                return new SqliteFile(path, Kind.TRUNCATED, size, HEADER, false);
            }
            ByteBuffer header = ByteBuffer.wrap(head, 0, HEADER);
            int rawPageSize = Short.toUnsignedInt(header.getShort(16));
            long pageSize = rawPageSize == 1 ? 65_536 : rawPageSize;
            boolean wal = head[18] == 2 && head[19] == 2;
            if (pageSize < 512 || Long.bitCount(pageSize) != 1) {
                return new SqliteFile(path, Kind.NOT_SQLITE, size, 0, wal);
            }
            // the page count in the header is valid only when the change counter matches "version-valid-for"
            long pages = Integer.toUnsignedLong(header.getInt(28));
            boolean countValid = pages > 0 && header.getInt(24) == header.getInt(92);
            long wholePages = (size + pageSize - 1) / pageSize * pageSize;
            long expected = Math.max(countValid ? pages * pageSize : 0, wholePages);
            // a write-ahead log may hold pages the main file does not have yet: then only whole pages are checked
            boolean pendingLog = nonEmpty(sibling(path, "-wal"));
            if (size != wholePages || (!pendingLog && size < expected)) {
                return new SqliteFile(path, Kind.TRUNCATED, size, expected, wal);
            }
            return new SqliteFile(path, Kind.SQLITE, size, expected, wal);
        } catch (IOException e) {
            throw new StoreException("database %s cannot be read (%s): check its permissions"
                    .formatted(path, e.getMessage()), e);
        }
    }

    static Path sibling(Path path, String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Why this file is not a database Stagewatch can open, with what to do; null when it is a SQLite file. */
    String problem(boolean forQuery) {
        String fresh = "give the path of an indexed database, or a path that does not exist yet to have stagewatch index create one there";
        return switch (kind) {
            case MISSING -> forQuery
                    ? "no database at %s: run stagewatch index --config FILE --db %s first".formatted(path, path)
                    : null;
            case DIRECTORY -> "database %s is a directory, not a file: give a file path, e.g. --db %s"
                    .formatted(path, path.resolve("stagewatch.db"));
            case EMPTY -> forQuery
                    ? "database %s is an empty file (0 bytes): nothing was indexed into it; run stagewatch index --config FILE --db %s first"
                            .formatted(path, path)
                    : null;
            case TEXT -> "database %s is a text file, not a SQLite database; %s. It was not changed.".formatted(path, fresh);
            case NOT_SQLITE -> "database %s is not a SQLite database (it does not start with SQLite's header); %s. It was not changed."
                    .formatted(path, fresh);
            case TRUNCATED -> ("database %s is a truncated SQLite file (%d bytes where its header needs %d: an interrupted copy "
                    + "or download?): restore a complete copy, or index into a fresh --db. It was not changed.")
                    .formatted(path, size, expectedSize);
            case SQLITE -> null;
        };
    }

    private static boolean startsWithMagic(byte[] head) {
        // a file shorter than the magic string that is a prefix of it is a cut SQLite file
        int n = Math.min(head.length, MAGIC.length);
        return n >= 6 && Arrays.equals(head, 0, n, MAGIC, 0, n);
    }

    /** UTF-8 without NUL or control bytes other than whitespace (the last character may be cut). */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                return false;
            }
        }
        // not end of input: a character cut by the 4 KiB read is no error
        return !StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
    }
}
