package org.amity.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.amity.contact.ContactChannel;
import org.amity.messaging.internal.InboundSms;
import org.amity.messaging.internal.Receipts;
import org.amity.messaging.internal.WebhookSignature;
import org.amity.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Callbacks from the SMS, push and e-mail providers. No login: each request carries
 * {@code X-Amity-Signature: sha256=<hex HMAC-SHA256 of the raw body with amity.messaging.webhook-secret>}; a
 * missing or wrong signature is a 401 problem {@code INVALID_SIGNATURE} and is logged (masked).
 */
@RestController
@RequestMapping("/api/v1/messaging")
@Tag(name = "Messaging callbacks")
class WebhookApi {

    private static final Logger log = LoggerFactory.getLogger(WebhookApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final WebhookSignature signature;
    private final Receipts receipts;
    private final InboundSms inbound;

    WebhookApi(WebhookSignature signature, Receipts receipts, InboundSms inbound) {
        this.signature = signature;
        this.receipts = receipts;
        this.inbound = inbound;
    }

    @Operation(summary = "A delivery receipt: {messageId | providerRef, status: DELIVERED|FAILED, occurredAt?, error?}")
    @PostMapping("/receipts/{channel}")
    @PreAuthorize("permitAll()") // authenticated by the HMAC signature below
    ResponseEntity<?> receipt(@PathVariable String channel, @RequestBody(required = false) byte[] body,
                              @RequestHeader(name = WebhookSignature.HEADER, required = false) String sig, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = check(body, sig, request);
        if (refused != null) {
            return refused;
        }
        ContactChannel c = parseChannel(channel);
        Receipts.Receipt receipt = read(body, Receipts.Receipt.class);
        return as("provider-receipts", () -> ResponseEntity.ok(receipts.apply(c, receipt)));
    }

    @Operation(summary = "An SMS the customer sent us: {id, from, to, text}; opt-out keywords act at once")
    @PostMapping("/inbound/sms")
    @PreAuthorize("permitAll()") // authenticated by the HMAC signature below
    ResponseEntity<?> inboundSms(@RequestBody(required = false) byte[] body,
                                 @RequestHeader(name = WebhookSignature.HEADER, required = false) String sig, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = check(body, sig, request);
        if (refused != null) {
            return refused;
        }
        InboundSms.Inbound message = read(body, InboundSms.Inbound.class);
        return as("sms-inbound", () -> ResponseEntity.ok(inbound.handle(message)));
    }

    private ResponseEntity<ProblemDetail> check(byte[] body, String sig, HttpServletRequest request) {
        if (signature.valid(body, sig)) {
            return null;
        }
        log.warn("Refused {} from {}: {} signature {}", request.getRequestURI(), request.getRemoteAddr(),
                sig == null ? "missing" : "bad", sig == null ? "" : mask(sig));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Sign the raw body with HMAC-SHA256 and send it as " + WebhookSignature.HEADER + ": sha256=<hex>");
        problem.setProperty("code", "INVALID_SIGNATURE");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String mask(String sig) {
        return sig.length() <= 12 ? "***" : sig.substring(0, 10) + "…";
    }

    private static ContactChannel parseChannel(String channel) {
        try {
            ContactChannel c = ContactChannel.valueOf(channel.toUpperCase(Locale.ROOT));
            if (c == ContactChannel.SMS || c == ContactChannel.EMAIL || c == ContactChannel.PUSH) {
                return c;
            }
        } catch (IllegalArgumentException ignored) {
            // below
        }
        throw ApiProblem.badRequest("INVALID_ENUM_VALUE", "channel", "Receipts are for sms, email or push")
                .allowedValues(List.of("sms", "email", "push"));
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A JSON body is required");
        }
        try {
            return JSON.readValue(body, type);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("MALFORMED_JSON", null, "The body is not the JSON expected: " + e.getMessage());
        }
    }

    /** Runs as the named provider, so that audit rows and outcomes say who acted. */
    private static <T> T as(String who, java.util.function.Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
