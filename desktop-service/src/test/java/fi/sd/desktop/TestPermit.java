package fi.sd.desktop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fi.sd.events.DatasetRef;
import fi.sd.events.Holder;
import fi.sd.events.PermitRoute;
import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitSnapshot;

/**
 * A permit as permit-service announces it, for the tests to publish, built by name. Unless a test says
 * otherwise: a new Findata permit for Avohilmo data, of a project of its own, valid from today for a year,
 * held by the University of Helsinki with its first person as principal investigator, without conditions.
 */
public final class TestPermit {

    private String permitId = UUID.randomUUID().toString();
    private int version = 1;
    private String journalNumber;
    private PermitRoute route = PermitRoute.FINDATA;
    private String issuer = "Findata";
    private String projectId = "proj-" + UUID.randomUUID();
    private Holder holder;
    private String title = "Study";
    private String purpose = "Purpose";
    private List<DatasetRef> datasets = List.of(new DatasetRef("thl-avohilmo", "THL", "Avohilmo"));
    private List<PersonRef> persons = List.of();
    private LocalDate validFrom = LocalDate.now();
    private LocalDate validUntil = validFrom.plusYears(1);
    private String conditions;

    private TestPermit() {
    }

    /** A permit Findata issued. */
    public static TestPermit findata() {
        return new TestPermit();
    }

    /** A permit a register controller issued (the register route). */
    public static TestPermit register(String controller) {
        TestPermit permit = new TestPermit();
        permit.route = PermitRoute.REGISTER;
        permit.issuer = controller;
        return permit;
    }

    /** The next version of {@code permit}, as an amendment announces it: everything as it was until a test changes it. */
    public static TestPermit nextVersionOf(PermitSnapshot permit) {
        TestPermit next = new TestPermit();
        next.permitId = permit.permitId();
        next.version = permit.version() + 1;
        next.journalNumber = permit.journalNumber();
        next.route = permit.route();
        next.issuer = permit.issuer();
        next.projectId = permit.projectId();
        next.holder = permit.holder();
        next.title = permit.title();
        next.purpose = permit.purpose();
        next.datasets = permit.datasets();
        next.persons = permit.persons();
        next.validFrom = permit.validFrom();
        next.validUntil = permit.validUntil();
        next.conditions = permit.conditions();
        return next;
    }

    public TestPermit id(String id) {
        permitId = id;
        return this;
    }

    public TestPermit journalNumber(String number) {
        journalNumber = number;
        return this;
    }

    public TestPermit project(String id) {
        projectId = id;
        return this;
    }

    public TestPermit holder(String organisation, String principalInvestigator) {
        holder = new Holder(organisation, principalInvestigator);
        return this;
    }

    public TestPermit persons(PersonRef... named) {
        persons = List.of(named);
        return this;
    }

    /** Persons known only by their user ids, which serve as their names too (addresses at helsinki.fi). */
    public TestPermit persons(List<String> userIds) {
        persons = userIds.stream().map(id -> new PersonRef(id, id, id + "@helsinki.fi")).toList();
        return this;
    }

    public TestPermit validUntil(LocalDate lastDay) {
        validUntil = lastDay;
        return this;
    }

    public PermitSnapshot snapshot() {
        return new PermitSnapshot(permitId, version, journalNumber == null ? "J-" + permitId : journalNumber, route, issuer, projectId,
                holder == null ? new Holder("University of Helsinki", persons.get(0).name()) : holder, title, purpose, datasets, persons,
                validFrom, validUntil, conditions);
    }

    /** The permit granted by a Findata officer, now. */
    public PermitGranted granted() {
        return new PermitGranted(snapshot(), "findata.officer", Instant.now());
    }
}
