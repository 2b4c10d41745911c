package org.amity.ledger.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Delinquency buckets as configured ranges of days past due, e.g. {@code CURRENT:0-0,M1:1-30,…,M7+:181-}.
 * The ranges must start at 0, be contiguous and end open.
 */
public final class BucketPolicy {

    public record Bucket(String name, int fromDays, Integer toDays) {
        boolean contains(int days) {
            return days >= fromDays && (toDays == null || days <= toDays);
        }
    }

    public static final String DEFAULT = "CURRENT:0-0,M1:1-30,M2:31-60,M3:61-90,M4:91-120,M5:121-150,M6:151-180,M7+:181-";

    private final List<Bucket> buckets;

    private BucketPolicy(List<Bucket> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    public static BucketPolicy parse(String spec) {
        List<Bucket> buckets = new ArrayList<>();
        int expectedFrom = 0;
        boolean open = false;
        for (String part : spec.split(",")) {
            String[] nameRange = part.trim().split(":");
            if (nameRange.length != 2 || open) {
                throw new IllegalArgumentException("bucket '" + part + "' is not NAME:FROM-TO (only the last may be open)");
            }
            String name = nameRange[0].trim();
            String[] range = nameRange[1].split("-", -1);
            // exactly FROM-TO or FROM-: "M1:1" or "M1:0-0-7" would otherwise be read as something nobody wrote
            if (name.isEmpty() || range.length != 2) {
                throw new IllegalArgumentException("bucket '" + part + "' is not NAME:FROM-TO (only the last may be open)");
            }
            if (buckets.stream().anyMatch(b -> b.name().equals(name))) {
                throw new IllegalArgumentException("bucket name '" + name + "' is used twice");
            }
            int from = Integer.parseInt(range[0].trim());
            Integer to = range[1].isBlank() ? null : Integer.valueOf(range[1].trim());
            if (from != expectedFrom) {
                throw new IllegalArgumentException("bucket '" + part + "' should start at " + expectedFrom);
            }
            if (to != null && to < from) {
                throw new IllegalArgumentException("bucket '" + part + "' ends before it starts");
            }
            buckets.add(new Bucket(name, from, to));
            open = to == null;
            expectedFrom = to == null ? Integer.MAX_VALUE : to + 1;
        }
        if (!open) {
            throw new IllegalArgumentException("the last bucket must be open-ended, e.g. M7+:181-");
        }
        return new BucketPolicy(buckets);
    }

    public String bucketFor(int daysPastDue) {
        return buckets.stream().filter(b -> b.contains(daysPastDue)).findFirst().orElseThrow().name();
    }

    public List<Bucket> buckets() {
        return buckets;
    }
}
