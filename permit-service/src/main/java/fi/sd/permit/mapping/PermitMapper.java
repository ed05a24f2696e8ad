package fi.sd.permit.mapping;

import fi.sd.events.DatasetRef;
import fi.sd.events.Holder;
import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitDataset;
import fi.sd.permit.domain.PermitPerson;
import fi.sd.permit.rest.PermitRequest;
import fi.sd.permit.rest.PermitView;

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
        permit.datasets.clear();
        request.datasets().forEach(d -> permit.datasets.add(new PermitDataset(d.id(), d.controller(), d.title())));
        permit.persons.clear();
        request.persons().forEach(p -> permit.persons.add(new PermitPerson(p.userId(), p.name(), p.email())));
        permit.validFrom = request.validFrom();
        permit.validUntil = request.validUntil();
        permit.conditions = request.conditions();
    }

    public static PermitView toView(Permit permit) {
        return new PermitView(permit.id, permit.version, permit.status, permit.journalNumber, permit.route, permit.issuer,
                new PermitRequest.Holder(permit.holderOrganisation, permit.principalInvestigator), permit.projectId, permit.title,
                permit.purpose,
                permit.datasets.stream().map(d -> new PermitRequest.Dataset(d.datasetId, d.controller, d.title)).toList(),
                permit.persons.stream().map(p -> new PermitRequest.Person(p.userId, p.name, p.email)).toList(),
                permit.validFrom, permit.validUntil, permit.conditions, permit.createdAt, permit.updatedAt);
    }

    public static PermitSnapshot toSnapshot(Permit permit) {
        return new PermitSnapshot(permit.id, permit.version, permit.journalNumber, permit.route, permit.issuer, permit.projectId,
                new Holder(permit.holderOrganisation, permit.principalInvestigator), permit.title, permit.purpose,
                permit.datasets.stream().map(d -> new DatasetRef(d.datasetId, d.controller, d.title)).toList(),
                permit.persons.stream().map(p -> new PersonRef(p.userId, p.name, p.email)).toList(),
                permit.validFrom, permit.validUntil, permit.conditions);
    }
}
