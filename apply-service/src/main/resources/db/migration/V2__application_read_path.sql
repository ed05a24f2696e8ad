-- GET /applications at size: a controller's organisation read newest first straight from an index, and
-- the applications a user reviews found without reading the whole reviewer table.
CREATE INDEX application_organisation_newest ON application (organisation, created_at DESC, id DESC);
CREATE INDEX application_newest ON application (created_at DESC, id DESC);
CREATE INDEX application_reviewer_user ON application_reviewer (user_id);
-- Counting an organisation's submitted applications from the index alone.
CREATE INDEX application_organisation_state ON application (organisation, state);
