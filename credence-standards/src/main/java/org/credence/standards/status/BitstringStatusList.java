package org.credence.standards.status;

import static org.credence.standards.status.StatusListException.Code.INDEX_OUT_OF_RANGE;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_TOO_SHORT;

import java.util.Arrays;

/**
 * A W3C Bitstring Status List with one bit per credential ({@code statusSize} 1). Index 0 is the left-most bit,
 * i.e. the most significant bit of the first byte.
 *
 * <p>Thread safety: an issuing server flips bits from request threads while another thread publishes the list,
 * so every read and write of the bits holds this list's lock. {@link #encode()} takes a snapshot under the lock and
 * compresses outside it, so publishing does not stall revocations.
 */
public final class BitstringStatusList {

    /** The specification's minimum length, 16 KB of bits, so that one credential hides among many (herd privacy). */
    public static final int MINIMUM_SIZE = 131_072;

    /** The largest list {@link #decode(String)} accepts; {@link #create(int)} stays within it to read our own lists. */
    public static final int MAXIMUM_SIZE = EncodedList.MAXIMUM_DECOMPRESSED_BYTES * 8;

    private final Object lock = new Object();
    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /**
     * An all-clear list of {@code size} entries.
     *
     * @throws IllegalArgumentException if {@code size} is below {@link #MINIMUM_SIZE}, above {@link #MAXIMUM_SIZE}
     *     or not a multiple of 8
     */
    public static BitstringStatusList create(int size) {
        if (size < MINIMUM_SIZE) {
            throw new IllegalArgumentException(
                    "status list size " + size + " is below the minimum of " + MINIMUM_SIZE + " entries");
        }
        if (size > MAXIMUM_SIZE) {
            throw new IllegalArgumentException(
                    "status list size " + size + " is above the maximum of " + MAXIMUM_SIZE + " entries");
        }
        if (size % 8 != 0) {
            throw new IllegalArgumentException(
                    "status list size " + size + " is not a multiple of 8, so it does not fill whole bytes");
        }
        return new BitstringStatusList(new byte[size / 8]);
    }

    /**
     * Reads an {@code encodedList} value: multibase base64url ({@code u} prefix) of a GZIP-compressed bitstring.
     *
     * @throws StatusListException {@code MALFORMED_ENCODED_LIST} if it is not that encoding,
     *     {@code STATUS_LIST_TOO_LARGE} if it inflates beyond {@link #MAXIMUM_SIZE} entries,
     *     {@code STATUS_LIST_TOO_SHORT} if it holds fewer than {@link #MINIMUM_SIZE} entries
     */
    public static BitstringStatusList decode(String encodedList) {
        byte[] bits = EncodedList.decode(encodedList);
        long entries = bits.length * 8L;
        if (entries < MINIMUM_SIZE) {
            throw new StatusListException(STATUS_LIST_TOO_SHORT,
                    "status list has " + entries + " entries; the minimum is " + MINIMUM_SIZE);
        }
        return new BitstringStatusList(bits);
    }

    /** The {@code encodedList} value for this list: {@code u} + base64url(GZIP(bits)); deterministic for equal bits. */
    public String encode() {
        return EncodedList.encode(bytes());
    }

    /** Marks the credential at {@code index} (revoked, suspended, ... depending on the list's purpose). */
    public void set(int index) {
        int at = byteOf(index);
        synchronized (lock) {
            bits[at] |= maskOf(index);
        }
    }

    /** Unmarks the credential at {@code index}. */
    public void clear(int index) {
        int at = byteOf(index);
        synchronized (lock) {
            bits[at] &= (byte) ~maskOf(index);
        }
    }

    /** Whether the bit at {@code index} is 1. */
    public boolean isSet(int index) {
        int at = byteOf(index);
        synchronized (lock) {
            return (bits[at] & maskOf(index)) != 0;
        }
    }

    /** The number of entries (bits) in this list. */
    public int size() {
        return bits.length * 8;
    }

    /** An independent list with the same bits, e.g. to publish a frozen version. */
    public BitstringStatusList copy() {
        return new BitstringStatusList(bytes());
    }

    /** A copy of the raw bitstring, index 0 being the most significant bit of byte 0. */
    public byte[] bytes() {
        synchronized (lock) {
            return Arrays.copyOf(bits, bits.length);
        }
    }

    @Override
    public String toString() {
        return "BitstringStatusList(" + size() + " entries)";
    }

    private int byteOf(int index) {
        if (index < 0 || index >= size()) {
            throw new StatusListException(INDEX_OUT_OF_RANGE,
                    "index " + index + " is outside the list (" + size() + " entries)");
        }
        return index >>> 3;
    }

    private static byte maskOf(int index) {
        // Left-most bit first: index 0 is 0x80 of byte 0, index 7 is 0x01.
        return (byte) (0x80 >>> (index & 7));
    }
}
