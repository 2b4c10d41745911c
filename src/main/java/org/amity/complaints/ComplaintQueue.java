package org.amity.complaints;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.amity.complaints.domain.ComplaintPolicy;
import org.amity.complaints.domain.SlaClock;
import org.amity.ledger.CustomerService;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The work queue: open cases by time left to their deadline (soonest first), filtered by status, category,
 * severity, department, breach; and search by reference, customer (name, number, phone, id last 4) or words in the
 * description (trigram index).
 */
@Service
public class ComplaintQueue {

    public static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final CustomerService customers;
    private final ComplaintPolicy policy;

    ComplaintQueue(JdbcClient jdbc, BusinessClock clock, CustomerService customers, ComplaintPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.customers = customers;
        this.policy = policy;
    }

    /**
     * @param status null or "OPEN_ANY" for every open case, "ANY" for all, else one {@link ComplaintStatus}
     * @param standing null, or "BREACHED" / "WARNING" to see only cases at risk
     */
    public record Filter(String status, ComplaintCategory category, Severity severity, String department, String standing, String q,
                         Integer limit, Integer offset) {
    }

    public record Row(ComplaintView complaint, SlaClock.Standing standing, Duration timeLeft) {
    }

    public List<Row> list(Filter f) {
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("SELECT * FROM complaint_case WHERE true");
        List<Object> params = new ArrayList<>();
        String status = f.status() == null || f.status().isBlank() ? "OPEN_ANY" : f.status().toUpperCase(Locale.ROOT);
        if (status.equals("OPEN_ANY")) {
            sql.append(" AND status <> 'CLOSED'");
        } else if (!status.equals("ANY")) {
            try {
                params.add(ComplaintStatus.valueOf(status).name());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("INVALID_STATUS", "status", "Unknown status " + f.status()).allowedValues(List.of(ComplaintStatus.values()));
            }
            sql.append(" AND status = ?");
        }
        if (f.category() != null) {
            sql.append(" AND category = ?");
            params.add(f.category().name());
        }
        if (f.severity() != null) {
            sql.append(" AND severity = ?");
            params.add(f.severity().name());
        }
        if (f.department() != null && !f.department().isBlank()) {
            sql.append(" AND department = ?");
            params.add(f.department().strip().toUpperCase(Locale.ROOT));
        }
        if ("BREACHED".equalsIgnoreCase(f.standing())) {
            sql.append(" AND resolved_at IS NULL AND resolve_by < ?");
            params.add(Timestamp.from(now));
        } else if ("WARNING".equalsIgnoreCase(f.standing())) {
            // at least the first warning threshold of the time from receipt to deadline has passed
            sql.append(" AND resolved_at IS NULL AND received_at + (resolve_by - received_at) * ? <= ?");
            params.add(policy.warnings().get(0));
            params.add(Timestamp.from(now));
        }
        String q = f.q() == null ? "" : f.q().strip();
        if (!q.isEmpty()) {
            if (q.length() > 100) {
                throw ApiProblem.badRequest("FIELD_TOO_LONG", "q", "A search is at most 100 characters");
            }
            List<UUID> customerIds = q.length() >= 2 ? customers.search(q, 20).stream().map(CustomerService.SearchHit::id).toList() : List.of();
            sql.append(" AND (reference = ? OR description ILIKE ? ESCAPE '\\'");
            params.add(q.toUpperCase(Locale.ROOT));
            params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (!customerIds.isEmpty()) {
                sql.append(" OR customer_id = ANY (?)");
                params.add(customerIds.toArray(UUID[]::new));
            }
            sql.append(")");
        }
        sql.append(" ORDER BY resolve_by, id LIMIT ? OFFSET ?");
        int limit = f.limit() == null ? 50 : Math.max(1, Math.min(MAX_LIMIT, f.limit()));
        params.add(limit);
        params.add(f.offset() == null ? 0 : Math.max(0, f.offset()));
        return jdbc.sql(sql.toString()).params(params).query(ComplaintView::map).list().stream()
                .map(c -> new Row(c, SlaClock.standing(c.receivedAt(), c.resolveBy(), now, c.resolvedAt(), policy.warnings()),
                        Duration.between(now, c.resolveBy())))
                .toList();
    }

    /** Open tasks per department, for the console's department view. */
    public List<ComplaintView.Task> openTasks(String department) {
        return jdbc.sql("SELECT * FROM complaint_task WHERE status = 'OPEN' AND department = ? ORDER BY created_at LIMIT 200")
                .param(department.toUpperCase(Locale.ROOT))
                .query((rs, n) -> new ComplaintView.Task(rs.getObject("id", UUID.class), rs.getString("department"),
                        rs.getString("instruction"), rs.getString("status"), ComplaintView.at(rs, "created_at"),
                        rs.getString("created_by"), ComplaintView.at(rs, "done_at"), rs.getString("done_by"))).list();
    }
}
