package fi.sd.apply.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import fi.sd.apply.api.ApplicationView;
import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationEvent;
import fi.sd.apply.mapping.ApplicationMapper;
import fi.sd.apply.repository.ApplicationRepository;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/** Reads applications, each with the history its reader may see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApplicationQueries {

    private final ApplicationRepository applications;
    private final ApplicationService service;

    @Inject
    public ApplicationQueries(ApplicationRepository applications, ApplicationService service) {
        this.applications = applications;
        this.service = service;
    }

    public ApplicationView find(String id, Caller caller) {
        return ApplicationMapper.toView(service.visible(id, caller), caller);
    }

    public ResultPage<ApplicationView> list(Caller caller, ApplicationRepository.Filters filters, PageRequest page) {
        ResultPage<Application> found = applications.search(caller, filters, page);
        Map<String, List<ApplicationEvent>> histories = ApplicationEvent.histories(found.items().stream().map(a -> a.id).toList());
        return found.map(a -> ApplicationMapper.toView(a, histories.getOrDefault(a.id, List.of()), caller));
    }
}
