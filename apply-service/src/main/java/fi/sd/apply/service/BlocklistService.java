package fi.sd.apply.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.apply.api.BlocklistView;
import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.domain.BlocklistEntry;
import fi.sd.apply.domain.BlocklistKey;
import fi.sd.apply.domain.CatalogueItem;
import fi.sd.apply.mapping.ApplicationMapper;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** The per-dataset blocklist that revocations fill; the datasets' controllers read and lift it. */
@ApplicationScoped
@Transactional
public class BlocklistService {

    private static final Logger LOG = Logger.getLogger(BlocklistService.class);

    private final EntitlementService entitlements;

    @Inject
    public BlocklistService(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BlocklistView> list(Caller caller) {
        if (caller.readsEverything()) {
            return BlocklistEntry.<BlocklistEntry>listAll().stream().map(ApplicationMapper::toView).toList();
        }
        caller.requireAny(Role.DATA_CONTROLLER);
        return BlocklistEntry.<BlocklistEntry>list("key.datasetId in (select c.datasetId from CatalogueItem c where c.organisation = ?1)",
                caller.organisation().orElse("")).stream().map(ApplicationMapper::toView).toList();
    }

    /** Lifts a block: the user's approved applications for the dataset entitle them again. */
    public void lift(String datasetId, String userId, Caller caller) {
        caller.requireAny(Role.DATA_CONTROLLER);
        CatalogueItem item = CatalogueItem.forDataset(datasetId).orElseThrow(() -> ProblemException.notFound("Dataset", datasetId));
        if (!caller.controls(item.organisation)) {
            throw ProblemException.forbidden("Only a data-controller of " + item.organisation + " may lift blocks on " + datasetId);
        }
        if (!BlocklistEntry.deleteById(new BlocklistKey(userId, datasetId))) {
            throw ProblemException.notFound("Block of " + userId + " on dataset", datasetId);
        }
        Application.<Application>list("state = ?1 and ?2 member of datasetIds", ApplicationState.APPROVED, datasetId).stream()
                .filter(application -> application.member(userId).isPresent())
                .forEach(entitlements::grantDue);
        LOG.infof("Block of %s on %s lifted by %s", userId, datasetId, caller.subject());
    }
}
