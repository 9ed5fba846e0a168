package dev.refinery.ingest.importer;

import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.schemas.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A Parquet URL list (LAION/DataComp metadata): streams the URL and caption columns (names configurable) row group by
 * row group; every row becomes a candidate to download.
 */
public final class ParquetSource implements Iterator<Candidate>, AutoCloseable {
    private final ParquetRows rows;
    private final String fileName;

    public ParquetSource(Path file, String urlColumn, String captionColumn) throws IOException {
        this.rows = ParquetRows.open(file, urlColumn, captionColumn, List.of());
        this.fileName = file.getFileName().toString();
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParquetRows.Row row = rows.next();
        return UrlRows.candidate(SourceKind.PARQUET, fileName, row.index(), row.url(), row.caption(), row.extra());
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
