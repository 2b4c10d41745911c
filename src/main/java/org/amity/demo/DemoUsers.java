package org.amity.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;

/** The demo's staff logins and API client, all with password "demo". */
final class DemoUsers {

    record DemoUser(String username, Set<Role> roles, String displayName) {
    }

    static final List<DemoUser> STAFF = List.of(
            new DemoUser("admin", EnumSet.of(Role.ADMIN), "Administrator 管理员"),
            new DemoUser("supervisor", EnumSet.of(Role.SUPERVISOR), "Supervisor 主管"),
            new DemoUser("agent", EnumSet.of(Role.AGENT), "Agent 坐席"),
            new DemoUser("field", EnumSet.of(Role.FIELD_OFFICER), "Field officer 外访"),
            new DemoUser("compliance", EnumSet.of(Role.COMPLIANCE), "Compliance 合规"),
            new DemoUser("dialer", EnumSet.of(Role.SYSTEM), "Dialer API client"));

    private DemoUsers() {
    }

    static void create(UserAccounts users) {
        for (DemoUser u : STAFF) {
            if (users.find(u.username()).isEmpty()) {
                users.create(u.username(), "demo", u.roles(), u.displayName(), null, false);
            }
        }
    }
}
