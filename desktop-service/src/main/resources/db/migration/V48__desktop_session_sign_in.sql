-- The sign-in a session belongs to: the identity provider's session id (sid) of the token that opened it, when the
-- token names one, and the expiry of the newest token of that sign-in presented. Once that has passed (with a grace),
-- the session ends: a user logged out or disabled at the identity provider gets no new token.
ALTER TABLE desktop_session ADD COLUMN sign_in_id VARCHAR(200);
ALTER TABLE desktop_session ADD COLUMN signed_in_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX desktop_session_signed_in ON desktop_session (status, signed_in_until);
