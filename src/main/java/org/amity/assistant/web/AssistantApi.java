package org.amity.assistant.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.amity.assistant.AssistantReply;
import org.amity.assistant.AssistantService;
import org.amity.assistant.CallbackRequest;
import org.amity.assistant.IntentRecognizer;
import org.amity.complaints.ComplaintChannel;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assistant for apps: a logged-in customer (HTTP Basic with the portal login) sends a message and gets the reply
 * with the actions it offers; one conversation per customer login. Staff can test recognition without a customer.
 */
@RestController
@Tag(name = "Assistant")
class AssistantApi {

    private final AssistantService assistant;

    AssistantApi(AssistantService assistant) {
        this.assistant = assistant;
    }

    record Message(String text, String language) {
    }

    @PostMapping("/api/v1/assistant/messages")
    @PreAuthorize("hasRole('CUSTOMER')")
    AssistantReply message(@RequestBody(required = false) Message message) {
        AmityUser user = CurrentUser.get().filter(AmityUser::isCustomer)
                .orElseThrow(() -> ApiProblem.notFound("NOT_FOUND", "No customer behind this login"));
        if (message == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "Send {\"text\": \"…\", \"language\": \"zh-CN\"}");
        }
        return assistant.reply(user.customerId(), "api:" + user.id(), message.text(), message.language(), ComplaintChannel.APP);
    }

    record Classify(String text) {
    }

    record Classification(String intent, double confidence, boolean confident, double threshold, List<String> runnersUp) {
    }

    @PostMapping("/api/v1/assistant/classify")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    Classification classify(@RequestBody(required = false) Classify request) {
        IntentRecognizer.Recognition r = assistant.classify(request == null ? null : request.text());
        return new Classification(r.intent().name(), r.confidence(), r.confident(), assistant.threshold(),
                r.runnersUp().stream().map(Enum::name).toList());
    }

    @GetMapping("/api/v1/assistant/callbacks")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    List<CallbackRequest> callbacks(@RequestParam(defaultValue = "100") int limit) {
        return assistant.openCallbacks(limit);
    }
}
