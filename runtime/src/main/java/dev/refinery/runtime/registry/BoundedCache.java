package dev.refinery.runtime.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A synchronized LRU map: registry caches stay bounded even when a producer sees many schemas. */
final class BoundedCache {
    private BoundedCache() {}

    static <K, V> Map<K, V> create(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
