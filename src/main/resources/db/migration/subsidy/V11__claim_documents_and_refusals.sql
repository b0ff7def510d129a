-- SUB-4 (issue 16): the files a claim carries as evidence (a signed agreement, a contract, a certificate's scan),
-- kept with the claim in the database so that they are backed up, restored and removed with it; checked by their
-- content on the way in (PDF, JPEG, PNG), named by their SHA-256 for anyone who compares a copy.
create table subsidy.claim_document (
    id              bigint generated always as identity primary key,
    claim_id        bigint not null references subsidy.claim (id),
    file_name       text not null check (length(file_name) between 1 and 255),
    media_type      text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      integer not null check (size_bytes > 0),
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content         bytea not null,
    uploaded_by     text not null,
    uploaded_at     timestamptz not null default now()
);
create index claim_document_claim_idx on subsidy.claim_document (claim_id, id);

-- SUP-3 (issue 16): attempts a scheme's cap or period refused at submission. The refused claim is not stored, so
-- the attempt is kept here (in its own transaction) for the officers' "claims over caps" signal: who claimed, for
-- whom, under which scheme, the rule's code and the sentence with what was claimed and the cap.
create table subsidy.claim_refusal (
    id              bigint generated always as identity primary key,
    scheme          text not null,
    claimant_code   text not null,
    claimant_name   text not null,
    claimant_path   text not null,
    person_id       bigint,
    person_masked   text,
    code            text not null check (code in ('subsidy.claim.over-cap', 'subsidy.claim.period-held')),
    reason          text not null,
    arguments       jsonb not null,
    clause          text not null,
    refused_by      text not null,
    refused_at      timestamptz not null default now()
);
create index claim_refusal_path_idx on subsidy.claim_refusal (claimant_path text_pattern_ops, refused_at);
