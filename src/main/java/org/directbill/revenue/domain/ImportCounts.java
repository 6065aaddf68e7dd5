package org.directbill.revenue.domain;

/**
 * What one import of a rate file did: its data rows, the rates it added, those it found stored with
 * the same value, and those whose value it replaced.
 */
public record ImportCounts(long rowsRead, long ratesStored, long ratesUnchanged, long ratesReplaced) {

    public static ImportCounts none() {
        return new ImportCounts(0, 0, 0, 0);
    }

    public ImportCounts plus(RateMerge merge) {
        return new ImportCounts(
                rowsRead,
                ratesStored + merge.added().size(),
                ratesUnchanged + merge.unchanged(),
                ratesReplaced + merge.replaced().size());
    }

    public ImportCounts withRowsRead(long rows) {
        return new ImportCounts(rows, ratesStored, ratesUnchanged, ratesReplaced);
    }
}
