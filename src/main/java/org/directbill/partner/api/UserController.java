package org.directbill.partner.api;

import java.net.URI;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.api.PartnerResponses.UserResponse;
import org.directbill.partner.domain.ApiKey;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccount;
import org.directbill.partner.domain.UserId;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Program staff and machine accounts, their API keys, and who the caller is. */
@RestController
class UserController {

    private final PartnerDirectory directory;

    UserController(PartnerDirectory directory) {
        this.directory = directory;
    }

    private static UserId userId(String id) {
        return UserId.parse(id).orElseThrow(() -> new NotFound("USER_NOT_FOUND", id));
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserResponse> create(@RequestBody UserAccount.Registration body) {
        UserAccount user = directory.addStaffUser(body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    @GetMapping("/api/v1/users")
    Page<UserResponse> staff(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return directory.staffUsers(Page.Request.of(page, size)).map(UserResponse::of);
    }

    @GetMapping("/api/v1/users/{id}")
    UserResponse user(@PathVariable String id) {
        return UserResponse.of(directory.user(userId(id)));
    }

    record KeyRequest(@Nullable String name) {}

    /** The key is in this answer and nowhere else, ever. */
    record IssuedKey(String id, String name, String key) {}

    @PostMapping("/api/v1/users/{id}/api-keys")
    ResponseEntity<IssuedKey> issueKey(@PathVariable String id, @RequestBody KeyRequest body) {
        ApiKey.Issued issued = directory.issueApiKey(userId(id), body.name());
        return ResponseEntity.created(URI.create(
                        "/api/v1/users/" + id + "/api-keys/" + issued.key().id()))
                .body(new IssuedKey(issued.key().id().toString(), issued.key().name(), issued.secret()));
    }

    record Me(
            String userId,
            String username,
            java.util.Set<Role> roles,
            @Nullable String partnerId) {}

    @GetMapping("/api/v1/me")
    Me me() {
        Caller caller = Callers.current();
        return new Me(
                caller.userId().toString(),
                caller.username(),
                caller.roles(),
                caller.partnerId() == null ? null : caller.partnerId().toString());
    }
}
