package dev.refinery.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent set of ids kept as their first 128 bits (hex SHA-256 ids are truncated; other strings are hashed), so
 * a marker costs about 80 bytes of heap instead of a 64-character string: ten million pairs fit in under 1 GB.
 */
final class HashSet128 {
    private record Key(long hi, long lo) {}

    private final ConcurrentHashMap<Key, Boolean> keys = new ConcurrentHashMap<>();

    boolean add(String id) {
        return keys.putIfAbsent(key(id), Boolean.TRUE) == null;
    }

    boolean contains(String id) {
        return keys.containsKey(key(id));
    }

    boolean remove(String id) {
        return keys.remove(key(id)) != null;
    }

    int size() {
        return keys.size();
    }

    private static Key key(String id) {
        if (id.length() >= 32 && isHex(id)) {
            return new Key(HexFormat.fromHexDigitsToLong(id, 0, 16), HexFormat.fromHexDigitsToLong(id, 16, 32));
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return new Key(toLong(d, 0), toLong(d, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < 32; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long toLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
