package org.amity.messaging.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.springframework.stereotype.Component;

/**
 * Fills a template's variables from the ledger as it stands when the message is sent (a payment posted a second ago
 * counts), reading only what the template uses and the message does not already bring: the message's own variables
 * win (the daily plan passes the figures it decided on).
 */
@Component
public class LedgerVariables {

    private final CustomerService customers;
    private final LoanService loans;
    private final MessagingProperties properties;

    LedgerVariables(CustomerService customers, LoanService loans, MessagingProperties properties) {
        this.customers = customers;
        this.loans = loans;
        this.properties = properties;
    }

    public Map<String, String> resolve(UUID customerId, UUID loanId, Set<String> needed, Map<String, String> given, Instant at) {
        return resolve(customerId, loanId, needed, given, at, Map.of());
    }

    /** Customers loaded for a whole batch beforehand (one query for the batch, not one per message). */
    public Map<UUID, CustomerView> prefetch(java.util.Collection<UUID> customerIds) {
        return customers.findAll(customerIds);
    }

    public Map<String, String> resolve(UUID customerId, UUID loanId, Set<String> needed, Map<String, String> given, Instant at,
                                       Map<UUID, CustomerView> prefetched) {
        Map<String, String> values = new HashMap<>(given);
        values.putIfAbsent("portalLink", properties.portalLink());
        if (customerId != null && missing(needed, values, "customerName", "customerNumber")) {
            CustomerView known = prefetched.get(customerId);
            (known != null ? java.util.Optional.of(known) : customers.find(customerId)).ifPresent(c -> {
                values.putIfAbsent("customerName", c.name());
                values.putIfAbsent("customerNumber", c.externalId());
            });
        }
        if (loanId != null && missing(needed, values, "loanNumber", "amountDue", "currency", "dueDate", "daysPastDue")) {
            LoanView loan = loans.find(loanId).orElse(null);
            if (loan != null) {
                values.putIfAbsent("loanNumber", loan.externalId());
                values.putIfAbsent("currency", loan.currency());
                if (missing(needed, values, "amountDue", "dueDate", "daysPastDue")) {
                    Delinquency d = loans.delinquency(loanId, at);
                    if (d.overdue()) {
                        values.putIfAbsent("amountDue", money(d.overdueAmount()));
                        values.putIfAbsent("dueDate", d.oldestUnpaidDueDate().toString());
                    } else {
                        loan.schedule().stream().filter(i -> i.remaining().signum() > 0).findFirst().ifPresent(i -> {
                            values.putIfAbsent("amountDue", money(i.remaining()));
                            values.putIfAbsent("dueDate", i.dueDate().toString());
                        });
                    }
                    values.putIfAbsent("daysPastDue", Integer.toString(d.daysPastDue()));
                }
            }
        }
        return values;
    }

    private static boolean missing(Set<String> needed, Map<String, String> values, String... names) {
        for (String name : names) {
            if (needed.contains(name) && !values.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    static String money(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** For previews: the sample customer's name when the preview has no customer. */
    static Map<String, String> sample(LocalDate today) {
        return Map.of("customerName", "王芳", "customerNumber", "C000001", "loanNumber", "L-000001", "amountDue", "1,032.80",
                "currency", "CNY", "dueDate", today.plusDays(3).toString(), "daysPastDue", "12");
    }
}
