package org.amity.platform;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** Ids bound as one PostgreSQL array literal ({@code CAST(? AS uuid[])}), so a statement takes any number of them. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
