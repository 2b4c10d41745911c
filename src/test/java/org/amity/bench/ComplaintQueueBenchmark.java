package org.amity.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.amity.AmityApplication;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.ComplaintQueue;
import org.amity.complaints.ComplaintQueue.Filter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver (not a test): fills {@code complaint_case} with N complaints (default 200,000; 20 % open, the rest
 * closed, received over two years, descriptions drawn from the triage examples in three languages), then times the
 * work queue and searches — in the service and through the HTTP API with Basic auth — each query 300 times after
 * 30 warm-up calls, and prints p50 / p95 / max. Target: p95 ≤ 200 ms. The command is in {@code docs/benchmarks.md}.
 */
public final class ComplaintQueueBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=true", "server.port=0",
                        "server.address=127.0.0.1", "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t = System.nanoTime();
            jdbc.sql("""
                    WITH texts AS (SELECT array_agg(t) AS a FROM (VALUES
                        ('我已经按时还款了，你们还打电话说我逾期'), ('一天打了十几个电话催收，严重影响我工作'), ('你们打电话给我的同事和领导说我欠钱'),
                        ('我的个人信息被泄露了，有陌生人知道我的贷款信息'), ('利息算得太高了，和合同约定的利率不一样'), ('我失业了暂时还不上，希望能分期还款'),
                        ('催收人员说要上门找我，还要去我单位'), ('客服态度很差，挂我电话'), ('我想咨询一下怎么开具结清证明'),
                        ('帳戶明明沒有欠款，卻收到逾期通知簡訊'), ('每天打好幾通電話騷擾我，影響上班'), ('You call me more than ten times a day about the payment'),
                        ('You contacted my employer and told my manager about my debt'), ('There is an unexplained fee on my statement, please refund it'),
                        ('I lost my job and need a payment plan I can afford'), ('Your customer service agent was rude and hung up on me')) v(t))
                    INSERT INTO complaint_case (id, reference, customer_id, loan_id, channel, description, received_at, jurisdiction, category,
                        triage_confidence, severity, complexity, status, acknowledge_by, resolve_by, resolved_at, validity, contact_related,
                        created_at, created_by)
                    SELECT gen_random_uuid(), 'CMP-B-' || lpad(g::text, 7, '0'), gen_random_uuid(), gen_random_uuid(),
                           (ARRAY['PORTAL','HOTLINE','APP','BRANCH','EMAIL'])[1 + g % 5],
                           (SELECT a[1 + (g * 7919) % 16] FROM texts) || ' #' || g,
                           r.received, 'CN', (ARRAY['WRONG_OVERDUE_NOTICE','EXCESSIVE_CONTACT','THIRD_PARTY_CONTACT','PRIVACY','FEES_INTEREST',
                               'NEGOTIATION_REQUEST','VISIT_OR_LEGAL_THREAT','SERVICE_QUALITY','OTHER'])[1 + g % 9], 0.9,
                           (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], 'SIMPLE',
                           CASE WHEN g % 5 = 0 THEN (ARRAY['OPEN','IN_REVIEW','RESOLUTION_PROPOSED','RE_REVIEW'])[1 + (g / 5) % 4] ELSE 'CLOSED' END,
                           r.received + interval '1 day', r.received + interval '21 days',
                           CASE WHEN g % 5 = 0 THEN NULL ELSE r.received + interval '10 days' END, 'VALID', g % 2 = 0, r.received, 'bench'
                      FROM generate_series(1, ?) g
                      CROSS JOIN LATERAL (SELECT CASE WHEN g % 5 = 0 THEN now() - (g % 30) * interval '1 day' - (g % 1440) * interval '1 minute'
                                                      ELSE now() - (g % 730) * interval '1 day' END AS received) r""")
                    .param(n).update();
            jdbc.sql("ANALYZE complaint_case").update();
            System.out.printf("inserted %,d complaints (%,d open) in %.1f s; table %s%n", n,
                    jdbc.sql("SELECT count(*) FROM complaint_case WHERE status <> 'CLOSED'").query(Long.class).single(),
                    (System.nanoTime() - t) / 1e9,
                    jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('complaint_case'))").query(String.class).single());

            ComplaintQueue queue = app.getBean(ComplaintQueue.class);
            Map<String, Supplier<Integer>> service = new LinkedHashMap<>();
            service.put("queue: open by time left (first 50)", () -> queue.list(new Filter(null, null, null, null, null, null, 50, 0)).size());
            service.put("queue: page 20 (offset 950)", () -> queue.list(new Filter(null, null, null, null, null, null, 50, 950)).size());
            service.put("queue: category THIRD_PARTY_CONTACT", () -> queue.list(new Filter(null, ComplaintCategory.THIRD_PARTY_CONTACT, null, null, null, null, 50, 0)).size());
            service.put("queue: breached only", () -> queue.list(new Filter(null, null, null, null, "BREACHED", null, 50, 0)).size());
            service.put("queue: at risk (75%+)", () -> queue.list(new Filter(null, null, null, null, "WARNING", null, 50, 0)).size());
            service.put("search: reference (all statuses)", () -> queue.list(new Filter("ANY", null, null, null, null, "CMP-B-0123457", 50, 0)).size());
            service.put("search: common words 催收 (open)", () -> queue.list(new Filter(null, null, null, null, null, "催收", 50, 0)).size());
            service.put("search: rare text #199999 (all)", () -> queue.list(new Filter("ANY", null, null, null, null, "#199999", 50, 0)).size());
            service.put("search: English 'employer' (all)", () -> queue.list(new Filter("ANY", null, null, null, null, "employer", 50, 0)).size());
            service.put("search: customer number (all)", () -> queue.list(new Filter("ANY", null, null, null, null, "DEMO-OVERDUE-45", 50, 0)).size());
            System.out.println("| query (service) | rows | p50 | p95 | max |");
            System.out.println("| --- | --- | --- | --- | --- |");
            service.forEach((name, call) -> report(name, call));

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8));
            Map<String, String> api = new LinkedHashMap<>();
            api.put("GET /api/v1/complaints (open queue)", "/api/v1/complaints?limit=50");
            api.put("GET /api/v1/complaints?standing=BREACHED", "/api/v1/complaints?standing=BREACHED&limit=50");
            api.put("GET /api/v1/complaints?q=催收", "/api/v1/complaints?q=" + URLEncoder.encode("催收", StandardCharsets.UTF_8));
            api.put("GET /api/v1/complaints?status=ANY&q=#199999", "/api/v1/complaints?status=ANY&q=" + URLEncoder.encode("#199999", StandardCharsets.UTF_8));
            System.out.println("| query (HTTP API, Basic auth) | status | p50 | p95 | max |");
            System.out.println("| --- | --- | --- | --- | --- |");
            api.forEach((name, path) -> report(name, () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    private static void report(String name, Supplier<Integer> call) {
        for (int i = 0; i < 30; i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < 300; i++) {
            long s = System.nanoTime();
            rows = call.get();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", name, rows, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], Arrays.stream(sorted).max().orElse(0));
    }
}
