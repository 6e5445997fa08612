package org.stagewatch.store;

import java.util.Arrays;

/**
 * The growable buffer and the cursor the store's packed formats are written and read with: a format byte
 * first, then unsigned LEB128 varints and raw bytes ({@link PowerCodec} for the voting-power history,
 * {@link RawLogCodec} for raw logs). An unknown format byte is refused with the name of what was read.
 */
class PackedBytes {
    private PackedBytes() {
    }

    /** Appends to a byte array that grows as needed; starts with the format byte. */
    static class Writer {
        byte[] bytes;
        int size;

        Writer(byte format, int capacity) {
            bytes = new byte[Math.max(16, capacity)];
            bytes[size++] = format;
        }

        final void varint(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        final void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        final void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        final byte[] toBytes() {
            return Arrays.copyOf(bytes, size);
        }

        final void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads one blob front to back; a read past its end is a {@link StoreException} naming {@code what}. */
    static class Reader {
        final byte[] bytes;
        final String what;
        int position;

        Reader(byte[] bytes, byte format, String what) {
            this.bytes = bytes;
            this.what = what;
            if (bytes.length == 0 || bytes[0] != format) {
                throw new StoreException("%s: unknown packed format %s (this Stagewatch reads format %d); use the Stagewatch that wrote it"
                        .formatted(what, bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0]), format));
            }
            position = 1;
        }

        final boolean hasMore() {
            return position < bytes.length;
        }

        final long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        final int read() {
            return bytes[position++] & 0xFF;
        }

        /** Checks {@code length} more bytes are there. */
        final void need(long length) {
            if (length < 0 || position + length > bytes.length) {
                throw new StoreException("%s: packed data ends early (%d more bytes wanted at %d of %d)"
                        .formatted(what, length, position, bytes.length));
            }
        }
    }
}
