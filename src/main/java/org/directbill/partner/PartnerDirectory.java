package org.directbill.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.directbill.partner.domain.ApiKey;
import org.directbill.partner.domain.ApiKeys;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.Locations;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.PartnerProfiles;
import org.directbill.partner.domain.Partners;
import org.directbill.partner.domain.ProfileField;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.SupportPlanGuard;
import org.directbill.partner.domain.SupportPlans;
import org.directbill.partner.domain.UserAccount;
import org.directbill.partner.domain.UserAccounts;
import org.directbill.partner.domain.UserId;
import org.directbill.shared.Page;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.problem.RuleViolation;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner directory's use cases, each checking who may do it (api.md's Partners table) and
 * recording every change in the audit log within the same transaction.
 */
@Service
@Transactional
public class PartnerDirectory {

    private final Partners partners;
    private final Locations locations;
    private final UserAccounts users;
    private final ApiKeys apiKeys;
    private final PartnerProfiles profiles;
    private final SupportPlans supportPlans;
    private final ObjectProvider<SupportPlanGuard> supportPlanGuard;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnerDirectory(
            Partners partners,
            Locations locations,
            UserAccounts users,
            ApiKeys apiKeys,
            PartnerProfiles profiles,
            SupportPlans supportPlans,
            ObjectProvider<SupportPlanGuard> supportPlanGuard,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.partners = partners;
        this.locations = locations;
        this.users = users;
        this.apiKeys = apiKeys;
        this.profiles = profiles;
        this.supportPlans = supportPlans;
        this.supportPlanGuard = supportPlanGuard;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** A partner with its locations, as the directory shows it. */
    public record PartnerView(Partner partner, List<Location> locations) {}

    public Partner register(Partner.Registration registration) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        Partner partner = Partner.register(registration, PartnerId.random(), clock.instant());
        if (partner.registrationId() != null
                && partners.registrationIdTaken(partner.country(), partner.registrationId())) {
            throw new Conflict("PARTNER_REGISTRATION_EXISTS", partner.country(), partner.registrationId());
        }
        partners.add(partner);
        profiles.createEmpty(partner.id());
        audit(AuditEvent.created(
                subject(partner.id()), "PARTNER", partner.id().toString(), "PARTNER_REGISTERED", partner));
        return partner;
    }

    @Transactional(readOnly = true)
    public PartnerView get(PartnerId id) {
        Partner partner = require(PartnerPermission.READ, id);
        return new PartnerView(partner, locations.ofPartner(id));
    }

    /**
     * Every partner with all its locations, whatever their status (an empty list for a partner
     * without), for work over the whole program such as computing every partner's revenue at once.
     * Program staff only.
     */
    @Transactional(readOnly = true)
    public Map<PartnerId, List<Location>> locationsOfEveryPartner() {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        Map<PartnerId, List<Location>> byPartner = new HashMap<>();
        for (PartnerId id : partners.allIds()) {
            byPartner.put(id, new ArrayList<>());
        }
        for (Location location : locations.all()) {
            byPartner
                    .computeIfAbsent(location.partnerId(), id -> new ArrayList<>())
                    .add(location);
        }
        return byPartner;
    }

    @Transactional(readOnly = true)
    public Page<Partner> search(String query, Page.Request request) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        return partners.search(query, request);
    }

    public Location addLocation(PartnerId id, Location.Registration registration) {
        require(PartnerPermission.MANAGE_LOCATIONS, id);
        Location location = Location.register(registration, id, clock.instant());
        if (locations.find(location.locationId()).isPresent()) {
            throw new Conflict("LOCATION_ID_TAKEN", location.locationId());
        }
        locations.add(location);
        audit(AuditEvent.created(subject(id), "LOCATION", location.locationId(), "LOCATION_ADDED", location));
        return location;
    }

    @Transactional(readOnly = true)
    public Location location(PartnerId id, String locationId) {
        require(PartnerPermission.READ, id);
        return locations
                .find(locationId)
                .filter(location -> location.partnerId().equals(id))
                .orElseThrow(() -> new NotFound("LOCATION_NOT_FOUND", locationId));
    }

    /**
     * Every location ID of every partner, for the programs that feed the ledger (a ledger line must
     * name a known location).
     */
    @Transactional(readOnly = true)
    public java.util.Set<String> knownLocationIds() {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.INTEGRATION);
        return locations.allIds();
    }

    public Location changeMembershipStatus(PartnerId id, String locationId, MembershipStatus status) {
        require(PartnerPermission.MANAGE_LOCATIONS, id);
        Violations violations = new Violations();
        violations.require("membershipStatus", status);
        violations.throwIfAny();
        Location before = locations
                .findForUpdate(locationId)
                .filter(location -> location.partnerId().equals(id))
                .orElseThrow(() -> new NotFound("LOCATION_NOT_FOUND", locationId));
        Location after = before.withMembershipStatus(status);
        if (!after.equals(before)) {
            locations.update(after);
            audit(AuditEvent.changed(subject(id), "LOCATION", locationId, "LOCATION_STATUS_CHANGED", before, after));
        }
        return after;
    }

    public UserAccount addPartnerUser(PartnerId id, UserAccount.Registration registration) {
        require(PartnerPermission.CREATE_USERS, id);
        return addUser(UserAccount.validatePartnerUser(registration), id);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> partnerUsers(PartnerId id) {
        require(PartnerPermission.READ_USERS, id);
        return users.ofPartner(id);
    }

    public UserAccount addStaffUser(UserAccount.Registration registration) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return addUser(UserAccount.validateStaff(registration), null);
    }

    @Transactional(readOnly = true)
    public Page<UserAccount> staffUsers(Page.Request request) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return users.staff(request);
    }

    @Transactional(readOnly = true)
    public UserAccount user(UserId id) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return users.find(id).orElseThrow(() -> new NotFound("USER_NOT_FOUND", id.toString()));
    }

    private UserAccount addUser(UserAccount.Valid valid, @Nullable PartnerId partnerId) {
        if (users.usernameTaken(valid.username())) {
            throw new Conflict("USERNAME_TAKEN", valid.username());
        }
        UserAccount account =
                valid.toAccount(UserId.random(), passwords.encode(valid.password()), partnerId, clock.instant());
        users.add(account);
        audit(AuditEvent.created(
                partnerId == null ? account.id().toString() : subject(partnerId),
                "USER",
                account.id().toString(),
                "USER_CREATED",
                AuditedUser.of(account)));
        return account;
    }

    /** Creates the bootstrap program admin; only ever called when no program admin exists. */
    void bootstrapAdmin(String username, String password) {
        UserAccount admin = new UserAccount(
                UserId.random(),
                username,
                "Program administrator",
                passwords.encode(password),
                null,
                Set.of(Role.PROGRAM_ADMIN),
                null,
                clock.instant());
        users.add(admin);
        audit(AuditEvent.created(
                        admin.id().toString(), "USER", admin.id().toString(), "USER_CREATED", AuditedUser.of(admin))
                .because("bootstrap: no program admin existed"));
    }

    public ApiKey.Issued issueApiKey(UserId userId, String name) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        Violations violations = new Violations();
        String keyName = violations.requireText("name", name, 100);
        violations.throwIfAny();
        UserAccount account = users.find(userId).orElseThrow(() -> new NotFound("USER_NOT_FOUND", userId.toString()));
        if (!account.isMachine()) {
            throw new RuleViolation("NOT_A_MACHINE_ACCOUNT", account.username());
        }
        ApiKey.Issued issued = ApiKey.issue(userId, keyName, clock.instant());
        apiKeys.add(issued.key());
        audit(AuditEvent.created(
                userId.toString(),
                "API_KEY",
                issued.key().id().toString(),
                "API_KEY_ISSUED",
                java.util.Map.of("name", keyName, "prefix", issued.key().keyPrefix())));
        return issued;
    }

    @Transactional(readOnly = true)
    public PartnerProfile profile(PartnerId id) {
        require(PartnerPermission.READ, id);
        return profiles.find(id);
    }

    public PartnerProfile updateProfile(PartnerId id, PartnerProfile.Change change) {
        require(PartnerPermission.READ, id);
        Caller caller = Callers.current();
        Set<ProfileField> editable = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            PartnerPermission needed = field.declaredByPartner()
                    ? PartnerPermission.EDIT_DECLARED_PROFILE
                    : PartnerPermission.EDIT_PROGRAM_FACTS;
            if (needed.allows(caller, id)) {
                editable.add(field);
            }
        }
        if (editable.isEmpty()) {
            throw new AccessDeniedException("may not edit the profile");
        }
        PartnerProfile before = profiles.findForUpdate(id);
        PartnerProfile after = before.apply(change, editable, today(), clock.instant());
        profiles.save(after);
        audit(AuditEvent.changed(subject(id), "PROFILE", id.toString(), "PROFILE_CHANGED", before, after));
        if (!java.util.Objects.equals(before.indirectResellerSince(), after.indirectResellerSince())) {
            events.publishEvent(new IndirectResellerChanged(id, after.indirectResellerSince()));
        }
        return after;
    }

    public SupportPlan recordSupportPlan(PartnerId id, SupportPlan.Registration registration) {
        require(PartnerPermission.RECORD_SUPPORT_PLAN, id);
        SupportPlan.Valid valid = SupportPlan.validate(registration, today());
        if (supportPlans.contractRecorded(id, valid.contractId())) {
            throw new Conflict("SUPPORT_PLAN_EXISTS", valid.contractId());
        }
        SupportPlanGuard.Verdict verdict = supportPlanGuard
                .getIfAvailable(() -> (partner, purchasedOn) -> SupportPlanGuard.Verdict.accept())
                .check(id, valid.purchasedOn());
        if (!verdict.accepted()) {
            throw new Conflict(verdict.refusalCode());
        }
        SupportPlan plan =
                valid.record(id, verdict, clock.instant(), Callers.current().username());
        supportPlans.add(plan);
        audit(AuditEvent.created(subject(id), "SUPPORT_PLAN", plan.id().toString(), "SUPPORT_PLAN_RECORDED", plan));
        return plan;
    }

    /** Everything the requirements are checked against, read together under one permission check. */
    public record PartnerFacts(
            Partner partner, List<Location> locations, PartnerProfile profile, List<SupportPlan> supportPlans) {}

    /** The partner with its locations, profile and support plans: whoever may read the partner. */
    @Transactional(readOnly = true)
    public PartnerFacts facts(PartnerId id) {
        Partner partner = require(PartnerPermission.READ, id);
        return new PartnerFacts(partner, locations.ofPartner(id), profiles.find(id), supportPlans.ofPartner(id));
    }

    /** Who is written to about a partner: its primary contact and its Global admins. */
    public record NoticeRecipients(String country, String contactEmail, List<Addressee> globalAdmins) {
        public NoticeRecipients {
            globalAdmins = List.copyOf(globalAdmins);
        }
    }

    /** A user's email address and saved language ({@code fr}, {@code en}, or null when not chosen). */
    public record Addressee(String email, @Nullable String locale) {}

    /**
     * For system use only, with NO permission check: who is told about a partner, whoever caused the
     * notice (a partner user, program staff, or a scheduled job with no caller at all). Never hand its
     * answer to a caller; empty when no such partner exists.
     */
    @Transactional(readOnly = true)
    public Optional<NoticeRecipients> noticeRecipientsWithoutPermissionCheck(PartnerId id) {
        return partners.find(id)
                .map(partner -> new NoticeRecipients(
                        partner.country(),
                        partner.primaryContact().email(),
                        users.ofPartner(id).stream()
                                .filter(user -> user.roles().contains(Role.GLOBAL_ADMIN))
                                .map(user -> new Addressee(user.username(), user.locale()))
                                .toList()));
    }

    /**
     * For system use only, with NO permission check: whether a partner exists (the authorization
     * decision answers 404 for one that does not, after checking its own caller). Partners are never
     * deleted, so a yes stays true.
     */
    @Transactional(readOnly = true)
    public boolean existsWithoutPermissionCheck(PartnerId id) {
        return partners.exists(id);
    }

    /**
     * For system use only, with NO permission check: a location by its ID, whichever partner holds
     * it. A location ID is unique system-wide, and a location never moves to another partner or
     * country (only its membership status changes), so a caller may keep the answer.
     */
    @Transactional(readOnly = true)
    public Optional<Location> locationWithoutPermissionCheck(String locationId) {
        return locations.find(locationId);
    }

    @Transactional(readOnly = true)
    public List<SupportPlan> supportPlans(PartnerId id) {
        require(PartnerPermission.READ, id);
        return supportPlans.ofPartner(id);
    }

    /** What a new support plan of the partner waits on, if anything (see {@link SupportPlanGuard#waiting}). */
    @Transactional(readOnly = true)
    public Optional<SupportPlanGuard.Waiting> supportPlanWaiting(PartnerId id) {
        require(PartnerPermission.READ, id);
        SupportPlanGuard guard = supportPlanGuard.getIfAvailable();
        return guard == null ? Optional.empty() : guard.waiting(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Checks the caller's permission on a partner; another partner's user hears "not found". */
    private Partner require(PartnerPermission permission, PartnerId id) {
        switch (permission.decide(Callers.current(), id)) {
            case HIDDEN -> throw new NotFound("PARTNER_NOT_FOUND", id.toString());
            case DENIED -> throw new AccessDeniedException(permission.name());
            case ALLOWED -> {}
        }
        return partners.find(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id.toString()));
    }

    private void audit(AuditEvent event) {
        events.publishEvent(event);
    }

    private static String subject(PartnerId id) {
        return id.toString();
    }

    /** What the audit log keeps of a user: never the password hash. */
    record AuditedUser(
            String id,
            String username,
            String displayName,
            @Nullable String partnerId,
            Set<Role> roles,
            @Nullable String locale) {
        static AuditedUser of(UserAccount account) {
            return new AuditedUser(
                    account.id().toString(),
                    account.username(),
                    account.displayName(),
                    account.partnerId() == null ? null : account.partnerId().toString(),
                    account.roles(),
                    account.locale());
        }
    }
}
