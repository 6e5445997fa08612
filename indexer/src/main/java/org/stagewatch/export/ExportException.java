package org.stagewatch.export;

/** An export that cannot be written as asked (a directory not writable, Parquet without its native library). */
public final class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
