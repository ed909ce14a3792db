-- The hub's first schema (issue 18). Records are rows per synced table with their revision fields in
-- columns and the whole record as JSONB; every accepted write takes the next number of one
-- server-assigned change sequence, which clients pull from (never a wall clock).

CREATE SEQUENCE hub_change_seq;

-- A laptop the bureau's administrator registered: who carries it, their unit and district, and what
-- it may see (officer: the enterprises assigned to that officer and its unit's records; district: the
-- district; city: everything). Tokens and enrolment codes are kept only as SHA-256 hashes.
CREATE TABLE hub_devices (
  device_id        text PRIMARY KEY,
  officer          text NOT NULL,
  unit             text NOT NULL,
  district         text NOT NULL,
  scope            text NOT NULL CHECK (scope IN ('officer', 'district', 'city')),
  enrol_code_hash  text,
  token_hash       text UNIQUE,
  registered_at    timestamptz NOT NULL DEFAULT now(),
  enrolled_at      timestamptz,
  revoked_at       timestamptz,
  last_push_at     timestamptz,
  last_pull_at     timestamptz
);

CREATE TABLE hub_records (
  table_name      text   NOT NULL,
  id              text   NOT NULL,
  record          jsonb  NOT NULL,
  rev             integer NOT NULL,
  updated_at      text   NOT NULL,
  deleted         boolean NOT NULL,
  -- Where the record belongs, for scope: the district of the device that first pushed it, the unit,
  -- and the enterprise it hangs on (its own id for an enterprise) with that enterprise's officer.
  district        text   NOT NULL,
  unit            text   NOT NULL,
  enterprise_id   text,
  server_seq      bigint NOT NULL,
  PRIMARY KEY (table_name, id)
);
CREATE INDEX hub_records_by_seq ON hub_records (server_seq);
CREATE INDEX hub_records_by_enterprise ON hub_records (enterprise_id);

-- Who each enterprise is assigned to, kept with every enterprise write: an officer's pull reads by it.
CREATE TABLE hub_assignments (
  enterprise_id    text PRIMARY KEY,
  district         text NOT NULL,
  assigned_officer text NOT NULL
);
CREATE INDEX hub_assignments_by_officer ON hub_assignments (district, assigned_officer);

-- The losing versions a merge kept travel to the laptops as rows of hub_records too (table_name
-- 'conflicts', the conflict as the laptop's 冲突处理 stores it, placed with the record it concerns),
-- so that they reach the laptops in scope by the same change sequence and are resolved there.
