package io.newsflow.producer.frontier;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the crawler in one process: one shared LRU block
 * cache of {@value #MEMORY_CONFIG} bytes, which also accounts for the write buffers (memtables) through a
 * shared {@link WriteBufferManager}, with index and filter blocks cached there too (the recipe of the
 * Kafka Streams memory-management guide). Without it each store of each partition would take its own
 * cache and memtables (tens of MB each). Set with {@code rocksdb.config.setter}; the size comes from the
 * Streams property {@value #MEMORY_CONFIG}, read when the first store opens.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams property holding the total size in bytes. */
    public static final String MEMORY_CONFIG = "newsflow.rocksdb.memory.bytes";

    private static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long total;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(MEMORY_CONFIG);
        long bytes = configured == null ? DEFAULT_BYTES : Long.parseLong(configured.toString());
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                total = bytes;
                // Half the budget may hold memtables; index and filter blocks get the high-priority pool.
                cache = new LRUCache(bytes, -1, false, 0.1);
                writeBuffers = new WriteBufferManager(bytes / 2, cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBuffers);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferSize(Math.min(16L * 1024 * 1024, Math.max(1L << 20, total / 8)));
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the process: never closed here.
    }
}
