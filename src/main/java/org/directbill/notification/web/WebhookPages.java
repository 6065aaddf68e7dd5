package org.directbill.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.directbill.notification.Webhooks;
import org.directbill.notification.domain.DeliveryStatus;
import org.directbill.notification.domain.WebhookEndpoint;
import org.directbill.notification.domain.WebhookEventTypes;
import org.directbill.notification.domain.WebhookRegistration;
import org.directbill.shared.Page;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhook pages, for program admins (others are refused by {@link Webhooks}): the endpoints with
 * the form that registers one, enabling, disabling and deleting (after a confirmation page); an
 * endpoint's deliveries, newest first, each with its attempts, and sending one again.
 */
@PageController
class WebhookPages {

    private static final int PAGE_SIZE = 20;

    private final Webhooks webhooks;
    private final Localized localized;

    WebhookPages(Webhooks webhooks, Localized localized) {
        this.webhooks = webhooks;
        this.localized = localized;
    }

    /** The register form as typed, shown again with its mistakes; the secret is never sent back. */
    record Form(String url, List<String> events, String description) {
        static Form empty() {
            return new Form("", List.of(), "");
        }
    }

    @GetMapping("/webhooks")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return listPage(Math.max(page, 0), model, Form.empty(), Map.of());
    }

    @PostMapping("/webhooks")
    String register(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(name = "events", required = false) @Nullable List<String> events,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> ticked = events == null ? List.of() : events;
        try {
            WebhookEndpoint endpoint =
                    webhooks.register(new WebhookRegistration(url, List.copyOf(ticked), secret, description));
            redirect.addFlashAttribute("notice", localized.text("webhooks.registered", endpoint.url()));
            return "redirect:/webhooks/" + endpoint.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return listPage(0, model, new Form(url, ticked, description), eventErrorsTogether(invalid));
        }
    }

    private String listPage(int page, Model model, Form form, Map<String, String> errors) {
        model.addAttribute("endpoints", webhooks.list(Page.Request.of(page, PAGE_SIZE)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", WebhookEventTypes.subscribable());
        return "notification/webhooks";
    }

    /** The checkboxes are one field on the page: each {@code events[i]} error is shown under them. */
    private Map<String, String> eventErrorsTogether(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(invalid, localized)
                .forEach((field, text) -> errors.merge(
                        field.startsWith("events") ? "events" : field, text, (first, second) -> first + " " + second));
        return errors;
    }

    @GetMapping("/webhooks/{id}")
    String detail(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String partnerId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        WebhookEndpoint endpoint = webhooks.get(id);
        Page.Request request = Page.Request.of(Math.max(page, 0), PAGE_SIZE);
        Map<String, String> errors = Map.of();
        Page<Webhooks.Logged> rows;
        try {
            rows = webhooks.log(id, status, partnerId, request);
        } catch (InvalidInput badFilter) {
            // A filter typed wrong (a partner id that is none) is said next to it; the list shows them all.
            errors = FormErrors.of(badFilter, localized);
            rows = webhooks.log(id, null, null, request);
        }
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("errors", errors);
        return "notification/webhook";
    }

    @PostMapping("/webhooks/{id}/enabled")
    String setEnabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            WebhookEndpoint endpoint = webhooks.setEnabled(id, enabled);
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            endpoint.enabled() ? "webhooks.enabledNotice" : "webhooks.disabledNotice", endpoint.url()));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", problemText(problem));
        }
        return "redirect:/webhooks/" + UUID.fromString(id);
    }

    @GetMapping("/webhooks/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        WebhookEndpoint endpoint = webhooks.get(id);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute(
                "waiting",
                webhooks.deliveries(id, DeliveryStatus.PENDING.name(), null, Page.Request.of(0, 1))
                        .total());
        return "notification/webhook-delete";
    }

    @PostMapping("/webhooks/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        WebhookEndpoint endpoint = webhooks.get(id);
        webhooks.delete(id);
        redirect.addFlashAttribute("notice", localized.text("webhooks.deletedNotice", endpoint.url()));
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable String id, @PathVariable String deliveryId, RedirectAttributes redirect) {
        try {
            webhooks.redeliver(id, deliveryId);
            redirect.addFlashAttribute("notice", localized.text("webhooks.redelivered"));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", problemText(problem));
        }
        // Both ids were read as UUIDs by then (a malformed one is 404): safe in an address.
        return "redirect:/webhooks/" + UUID.fromString(id) + "#delivery-" + UUID.fromString(deliveryId);
    }

    private String problemText(ApiProblem problem) {
        return localized.text("problem." + problem.code(), problem.arguments());
    }
}
