package fi.sd.permit.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import fi.sd.events.DatasetRef;
import fi.sd.events.EventJson;
import fi.sd.events.Holder;
import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.permit.api.PermitRequest;
import fi.sd.permit.api.PermitVersionView;
import fi.sd.permit.api.PermitView;
import fi.sd.permit.api.PublicPermitView;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitDataset;
import fi.sd.permit.domain.PermitPerson;
import fi.sd.permit.domain.PermitVersion;

/** Between the permit entity, its API views and its event snapshot. */
public final class PermitMapper {

    private PermitMapper() {
    }

    public static void apply(PermitRequest request, Permit permit) {
        permit.journalNumber = request.journalNumber().strip();
        permit.route = request.route();
        permit.projectId = request.projectId();
        permit.holderOrganisation = request.holder().organisation();
        permit.principalInvestigator = request.holder().principalInvestigator();
        permit.title = request.title();
        permit.purpose = request.purpose();
        replaceDatasets(permit, request.datasets());
        replacePersons(permit, request.persons());
        permit.validFrom = request.validFrom();
        permit.validUntil = request.validUntil();
        permit.conditions = request.conditions();
    }

    public static void replaceDatasets(Permit permit, List<PermitRequest.Dataset> datasets) {
        permit.datasets.clear();
        datasets.forEach(d -> permit.datasets.add(new PermitDataset(d.id(), d.controller(), d.title())));
    }

    public static void replacePersons(Permit permit, List<PermitRequest.Person> persons) {
        permit.persons.clear();
        persons.forEach(p -> permit.persons.add(new PermitPerson(p.userId(), p.name(), p.email())));
    }

    public static PermitView toView(Permit permit) {
        return new PermitView(permit.id, permit.version, permit.status, permit.journalNumber, permit.route, permit.issuer,
                new PermitRequest.Holder(permit.holderOrganisation, permit.principalInvestigator), permit.projectId, permit.title,
                permit.purpose, datasets(permit), persons(permit), permit.validFrom, permit.validUntil, permit.conditions,
                permit.createdAt, permit.updatedAt);
    }

    public static List<PermitRequest.Dataset> datasets(Permit permit) {
        return permit.datasets.stream().map(d -> new PermitRequest.Dataset(d.datasetId, d.controller, d.title)).toList();
    }

    public static List<PermitRequest.Person> persons(Permit permit) {
        return permit.persons.stream().map(p -> new PermitRequest.Person(p.userId, p.name, p.email)).toList();
    }

    public static PublicPermitView toPublicView(Permit permit) {
        return new PublicPermitView(permit.journalNumber, permit.route, permit.issuer, permit.holderOrganisation, permit.title,
                permit.purpose, permit.datasets.stream().map(d -> d.title).toList(), permit.validFrom, permit.validUntil,
                permit.status);
    }

    public static PermitSnapshot toSnapshot(Permit permit) {
        return new PermitSnapshot(permit.id, permit.version, permit.journalNumber, permit.route, permit.issuer, permit.projectId,
                new Holder(permit.holderOrganisation, permit.principalInvestigator), permit.title, permit.purpose,
                datasetRefs(permit), personRefs(permit), permit.validFrom, permit.validUntil, permit.conditions);
    }

    private static List<DatasetRef> datasetRefs(Permit permit) {
        return permit.datasets.stream().map(d -> new DatasetRef(d.datasetId, d.controller, d.title)).toList();
    }

    private static List<PersonRef> personRefs(Permit permit) {
        return permit.persons.stream().map(p -> new PersonRef(p.userId, p.name, p.email)).toList();
    }

    /** The snapshot as stored in a version row: the same JSON as in the events. */
    public static String toJson(PermitSnapshot snapshot) {
        try {
            return EventJson.mapper().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Permit snapshot not serialisable", e);
        }
    }

    public static PermitVersionView toView(PermitVersion version) {
        PermitSnapshot snapshot;
        try {
            snapshot = EventJson.mapper().readValue(version.snapshot, PermitSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Version " + version.version + " of permit " + version.permitId + " is unreadable", e);
        }
        return new PermitVersionView(version.permitId, version.version, version.kind, version.status, version.actor,
                version.recordedAt, version.reason, version.changeNames(), snapshot);
    }
}
