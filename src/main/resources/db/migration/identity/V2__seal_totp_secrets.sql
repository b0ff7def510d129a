-- TOTP secrets are sealed like other personal secrets (SM4-GCM, see cn.gongjiang.privacy). No installation has
-- enrolled a second factor yet outside tests, so clear secrets are dropped rather than converted; an officer who had
-- enrolled enrols again at the next sign-in.
alter table identity.account add column totp_secret_sealed bytea;
alter table identity.account drop column totp_secret;
