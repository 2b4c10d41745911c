package org.amity.contact;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.amity.contact.domain.ContactPolicy;
import org.amity.contact.domain.ContactRequest;
import org.amity.contact.domain.Decision;
import org.amity.contact.domain.DecisionEngine;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.domain.PolicyLibrary;
import org.amity.contact.domain.Reason;
import org.amity.contact.internal.CandidateZones;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.platform.ApiProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Before a policy is switched on: replays a CSV of past or planned contact attempts through the current policy
 * or a draft, in time order, each against the customer's ledger state at its instant and the attempts of the
 * file allowed before it, and counts what would have been blocked and why. Nothing is recorded.
 */
@Service
public class PolicyWhatIf {

    public static final List<String> COLUMNS = List.of("customer_external_id", "loan_external_id", "purpose", "channel",
            "destination", "at", "outcome");
    public static final int MAX_ROWS = 100_000;
    private static final int MAX_ERRORS = 200;

    private final CustomerService customers;
    private final LoanService loans;
    private final DecisionFactsLoader facts;
    private final PolicyStore store;
    private final org.amity.platform.BusinessClock clock;
    private final ContactProperties properties;
    private final DecisionEngine engine = new DecisionEngine();

    PolicyWhatIf(CustomerService customers, LoanService loans, DecisionFactsLoader facts, PolicyStore store,
                 org.amity.platform.BusinessClock clock, ContactProperties properties) {
        this.customers = customers;
        this.loans = loans;
        this.facts = facts;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    public record RowError(long line, String column, String message) {
    }

    public record Result(String policy, long rows, long wouldAllow, long wouldBlock, Map<String, Long> blockedByReason,
                         Map<String, Long> blockedByPurposeAndChannel, List<RowError> errors, long errorCount) {
    }

    private record Row(long line, CustomerView customer, LoanView loan, ContactPurpose purpose, ContactChannel channel,
                       String destination, Instant at, ContactOutcome outcome) {
    }

    /**
     * @param csv        the attempts, header {@link #COLUMNS}
     * @param draftYaml  a draft preset or house-rules document replacing the current one of the same id; null = current
     */
    public Result run(Reader csv, String draftYaml) {
        PolicyLibrary library = draftYaml == null || draftYaml.isBlank() ? store.libraryAt(clock.instant())
                : store.libraryWithDraft(draftYaml);
        List<RowError> errors = new ArrayList<>();
        long[] errorCount = {0};
        List<Row> rows = read(csv, errors, errorCount);
        if (errorCount[0] > 0) {
            return new Result(label(draftYaml), rows.size(), 0, 0, Map.of(), Map.of(), errors, errorCount[0]);
        }
        rows.sort(Comparator.comparing(Row::at).thenComparingLong(Row::line));
        Map<UUID, List<DecisionFacts.Attempt>> allowedSoFar = new HashMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> byPurposeChannel = new TreeMap<>();
        long allow = 0;
        for (Row row : rows) {
            UUID loanId = row.loan() == null ? null : row.loan().id();
            List<DecisionFacts.Attempt> history = allowedSoFar.computeIfAbsent(row.customer().id(), k -> new ArrayList<>());
            DecisionFactsLoader.Loaded loaded = facts.loadWith(row.customer(), loanId, CandidateZones.of(
                    row.customer().address().timeZone(), row.channel().usesPhone() ? row.destination() : null), row.at(), List.copyOf(history));
            ContactPolicy policy = library.policyFor(row.customer().address().country(),
                    row.loan() == null ? null : properties.presetForProduct(row.loan().product()));
            Decision d = engine.decide(new ContactRequest(row.customer().id(), loanId, row.purpose(), row.channel(), row.destination(),
                    row.at()), loaded.facts(), policy);
            if (d.allowed()) {
                allow++;
                history.add(new DecisionFacts.Attempt(row.at(), row.channel(), row.purpose(), loanId, row.outcome()));
            } else {
                for (Reason r : d.reasons()) {
                    byReason.merge(r.code().name(), 1L, Long::sum);
                }
                byPurposeChannel.merge(row.purpose() + " " + row.channel(), 1L, Long::sum);
            }
        }
        return new Result(label(draftYaml), rows.size(), allow, rows.size() - allow, byReason, byPurposeChannel, List.of(), 0);
    }

    private List<Row> read(Reader csv, List<RowError> errors, long[] errorCount) {
        List<Row> rows = new ArrayList<>();
        Map<String, Optional<CustomerView>> customerCache = new HashMap<>();
        Map<String, Optional<LoanView>> loanCache = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("customer_external_id", "purpose", "channel", "at"))) {
                throw ApiProblem.badRequest("INVALID_HEADER", "file", "The header must be " + String.join(",", COLUMNS));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() >= MAX_ROWS) {
                    throw ApiProblem.badRequest("TOO_MANY_ROWS", "file", "At most " + MAX_ROWS + " attempts per what-if");
                }
                Row row = parse(record, line, customerCache, loanCache, error -> {
                    errorCount[0]++;
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(error);
                    }
                });
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ApiProblem.badRequest("MALFORMED_CSV", "file", "The file is not readable CSV: " + e.getMessage());
        }
        return rows;
    }

    private Row parse(CSVRecord r, long line, Map<String, Optional<CustomerView>> customerCache,
                      Map<String, Optional<LoanView>> loanCache, java.util.function.Consumer<RowError> error) {
        String customerId = value(r, "customer_external_id");
        Optional<CustomerView> customer = customerCache.computeIfAbsent(customerId, customers::findByExternalId);
        if (customer.isEmpty()) {
            error.accept(new RowError(line, "customer_external_id", "no customer '" + customerId + "'"));
            return null;
        }
        LoanView loan = null;
        String loanId = value(r, "loan_external_id");
        if (!loanId.isEmpty()) {
            Optional<LoanView> found = loanCache.computeIfAbsent(loanId, loans::findByExternalId);
            if (found.isEmpty() || !found.get().customerId().equals(customer.get().id())) {
                error.accept(new RowError(line, "loan_external_id", "no loan '" + loanId + "' of this customer"));
                return null;
            }
            loan = found.get();
        }
        ContactPurpose purpose = enumValue(ContactPurpose.class, value(r, "purpose"), line, "purpose", error);
        ContactChannel channel = enumValue(ContactChannel.class, value(r, "channel"), line, "channel", error);
        ContactOutcome outcome = value(r, "outcome").isEmpty() ? null
                : enumValue(ContactOutcome.class, value(r, "outcome"), line, "outcome", error);
        Instant at;
        try {
            at = Instant.parse(value(r, "at"));
        } catch (DateTimeParseException e) {
            error.accept(new RowError(line, "at", "'" + value(r, "at") + "' is not an ISO-8601 instant such as 2026-11-24T02:00:00Z"));
            return null;
        }
        if (purpose == null || channel == null || (outcome == null && !value(r, "outcome").isEmpty())) {
            return null;
        }
        String destination = value(r, "destination");
        try {
            destination = destination.isEmpty() ? null : channel.usesPhone()
                    ? CustomerService.normalisePhone(destination, customer.get().address().country(), "destination")
                    : destination.toLowerCase(Locale.ROOT);
        } catch (ApiProblem e) {
            error.accept(new RowError(line, "destination", e.getMessage()));
            return null;
        }
        return new Row(line, customer.get(), loan, purpose, channel, destination, at, outcome);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, long line, String column,
                                                   java.util.function.Consumer<RowError> error) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error.accept(new RowError(line, column, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    private static String label(String draftYaml) {
        return draftYaml == null || draftYaml.isBlank() ? "current" : "draft";
    }

}
