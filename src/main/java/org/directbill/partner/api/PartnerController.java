package org.directbill.partner.api;

import java.net.URI;
import java.util.List;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.api.PartnerResponses.LocationResponse;
import org.directbill.partner.api.PartnerResponses.PartnerResponse;
import org.directbill.partner.api.PartnerResponses.PartnerSummary;
import org.directbill.partner.api.PartnerResponses.SupportPlanResponse;
import org.directbill.partner.api.PartnerResponses.UserResponse;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.UserAccount;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The "Partners" table of api.md: partners, their locations, users and support plans. */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    private final PartnerDirectory directory;

    PartnerController(PartnerDirectory directory) {
        this.directory = directory;
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    @PostMapping
    ResponseEntity<PartnerResponse> register(@RequestBody Partner.Registration body) {
        Partner partner = directory.register(body);
        return ResponseEntity.created(URI.create("/api/v1/partners/" + partner.id()))
                .body(PartnerResponse.of(partner, List.of()));
    }

    @GetMapping
    Page<PartnerSummary> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return directory.search(q, Page.Request.of(page, size)).map(PartnerSummary::of);
    }

    @GetMapping("/{id}")
    PartnerResponse get(@PathVariable String id) {
        return PartnerResponse.of(directory.get(partnerId(id)));
    }

    @PostMapping("/{id}/locations")
    ResponseEntity<LocationResponse> addLocation(@PathVariable String id, @RequestBody Location.Registration body) {
        Location location = directory.addLocation(partnerId(id), body);
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id + "/locations/" + location.locationId()))
                .body(LocationResponse.of(location));
    }

    @GetMapping("/{id}/locations/{locationId}")
    LocationResponse location(@PathVariable String id, @PathVariable String locationId) {
        return LocationResponse.of(directory.location(partnerId(id), locationId));
    }

    record MembershipChange(@Nullable MembershipStatus membershipStatus) {}

    @PatchMapping("/{id}/locations/{locationId}")
    LocationResponse changeLocation(
            @PathVariable String id, @PathVariable String locationId, @RequestBody MembershipChange body) {
        return LocationResponse.of(
                directory.changeMembershipStatus(partnerId(id), locationId, body.membershipStatus()));
    }

    @PostMapping("/{id}/users")
    ResponseEntity<UserResponse> addUser(@PathVariable String id, @RequestBody UserAccount.Registration body) {
        UserAccount user = directory.addPartnerUser(partnerId(id), body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    @GetMapping("/{id}/users")
    List<UserResponse> users(@PathVariable String id) {
        return directory.partnerUsers(partnerId(id)).stream()
                .map(UserResponse::of)
                .toList();
    }

    @PostMapping("/{id}/support-plans")
    ResponseEntity<SupportPlanResponse> recordSupportPlan(
            @PathVariable String id, @RequestBody SupportPlan.Registration body) {
        SupportPlan plan = directory.recordSupportPlan(partnerId(id), body);
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id + "/support-plans/" + plan.id()))
                .body(SupportPlanResponse.of(plan));
    }

    @GetMapping("/{id}/support-plans")
    List<SupportPlanResponse> supportPlans(@PathVariable String id) {
        return directory.supportPlans(partnerId(id)).stream()
                .map(SupportPlanResponse::of)
                .toList();
    }
}
